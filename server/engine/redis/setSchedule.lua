-- Writes a poll's status and schedule into its meta hash after the Poll row changed (open, close, reopen, extend).
-- KEYS[1] {poll:ID}:meta   KEYS[2] {poll:ID}:voters   KEYS[3] {poll:ID}:tally   KEYS[4] {poll:ID}:winners
-- ARGV[1] version (the Poll row's scheduleVersion)   ARGV[2] status   ARGV[3] opensAt (ms, 0 = none)
-- ARGV[4] closesAt (ms, 0 = none)   ARGV[5] couponValidUntil (ms, '' = no promotion)
-- Meta never goes back to an older version: calls from several processes may arrive in any order.
-- A draft that opens: whatever Redis loaded of it while it was a draft (maybe before an edit of its options or
-- promotion) is dropped, and its first vote rebuilds it from Postgres. A reopened poll keeps its voters, tally,
-- winners and coupon stock: who voted stays voted, and the stock goes on from where it was.
-- A close also marks the poll's state for a rebuild: the close committed in Postgres with the final tally, and a
-- ballot the script accepted before this call but Postgres refused as too late must leave no trace in Redis's
-- tally, voter set or stock (docs/adr/0018). The next read or vote reloads them from Postgres.
-- Returns 1 when written, 0 when meta already held a newer version.
local held = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if held > tonumber(ARGV[1]) then return 0 end
if ARGV[2] == 'open' and redis.call('HGET', KEYS[1], 'status') == 'draft' then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'status', ARGV[2], 'opensAt', ARGV[3], 'closesAt', ARGV[4])
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'couponValidUntil', ARGV[5]) end
if ARGV[2] == 'closed' then redis.call('HDEL', KEYS[1], 'ready') end
return 1
