-- Marks a poll's Redis state ready after server/engine/redis/rebuildPoll.ts loaded voters, tally and winners.
-- KEYS[1] {poll:ID}:meta
-- ARGV[1] status   ARGV[2] opensAt (ms, 0 = none)   ARGV[3] closesAt (ms, 0 = none)
-- ARGV[4] couponsLeft ('' = no promotion)   ARGV[5] couponValidUntil (ms)
-- A status already in meta was written by an open/close that raced this rebuild, and it is newer: keep it.
-- Returns 1.
redis.call('HSETNX', KEYS[1], 'status', ARGV[1])
redis.call('HSET', KEYS[1], 'opensAt', ARGV[2], 'closesAt', ARGV[3])
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'couponsLeft', ARGV[4], 'couponValidUntil', ARGV[5])
end
redis.call('HSET', KEYS[1], 'ready', '1')
return 1
