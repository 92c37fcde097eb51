-- Nothing writes or reads unreadable_event: records that can never be applied are parked on the channel's
-- dead-letter topic by the kernel's pipeline (deploy/parked.sh lists and replays them). Dropped so that nobody
-- looks for poison events in an empty table.
drop table if exists unreadable_event;
