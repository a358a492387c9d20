for i = 1, 1e9 do
  local co = coroutine.wrap(function() for k = 1, 500 do end end)
  co()
end
