-- One sliding-window counter check-and-count, atomically.
-- KEYS[1] the current fixed window's counter   KEYS[2] the previous window's counter (same hash tag)
-- ARGV[1] limit   ARGV[2] window (ms)   ARGV[3] elapsed fraction of the current window   ARGV[4] cost
-- Returns { allowed (1/0), previous count, current count (after counting, if allowed) }
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit, windowMs, elapsed, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if previous * (1 - elapsed) + current + cost > limit then
  return { 0, previous, current }
end
current = redis.call('INCRBY', KEYS[1], cost)
redis.call('PEXPIRE', KEYS[1], windowMs * 2)
return { 1, previous, current }
