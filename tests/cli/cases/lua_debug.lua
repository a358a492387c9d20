local d = debug
return d.getinfo(1)
