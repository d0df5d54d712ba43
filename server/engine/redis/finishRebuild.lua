-- Marks a poll's Redis state ready after server/engine/redis/rebuildPoll.ts loaded voters, tally and winners.
-- KEYS[1] {poll:ID}:meta
-- ARGV[1] version (the Poll row's scheduleVersion when the rebuild read it)   ARGV[2] status
-- ARGV[3] opensAt (ms, 0 = none)   ARGV[4] closesAt (ms, 0 = none)
-- ARGV[5] couponsLeft ('' = no promotion)   ARGV[6] couponValidUntil (ms)
-- Meta holding a newer version means a status or schedule change (setSchedule.lua) overtook this rebuild: what it
-- read is stale, so nothing is marked ready and the next vote rebuilds again.
-- Returns 1 when ready, 0 when stale.
local held = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if held > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'status', ARGV[2], 'opensAt', ARGV[3], 'closesAt', ARGV[4])
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'couponsLeft', ARGV[5], 'couponValidUntil', ARGV[6])
end
redis.call('HSET', KEYS[1], 'ready', '1')
return 1
