math.randomseed()
return {}
