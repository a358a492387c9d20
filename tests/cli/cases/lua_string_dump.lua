local f = string.dump(function() end)
return {}
