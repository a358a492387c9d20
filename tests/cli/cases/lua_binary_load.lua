local f = assert(load("\27Lua\x54\0"))
return {}
