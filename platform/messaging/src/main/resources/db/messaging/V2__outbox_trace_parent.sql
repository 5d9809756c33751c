-- The trace current when the event was appended (W3C traceparent, 55 characters), sent by the relay as the record's
-- traceparent header so that a consumer's span joins the producer's trace (issue 27). Null where tracing is off.
alter table outbox_event add column trace_parent varchar(64);
