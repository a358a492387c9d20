local t = {}
while true do pcall(function() t[#t + 1] = ("y"):rep(1000) .. #t end) end
