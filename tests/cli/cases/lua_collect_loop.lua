local t = {}
while true do pcall(function() t[#t + 1] = collectgarbage() .. #t end) end
