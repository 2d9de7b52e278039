-- The webhook inbox: each verified delivery pushed by a network (Facebook Page feed, generic signed
-- webhooks) is stored here before the sender is answered 200, so that nothing acknowledged is
-- lost if the process stops. The source named by `source` reads rows in id order; its pipeline
-- checkpoint is "<id>:<index of the post in the delivery>", and rows before the checkpoint's id are
-- deleted once that checkpoint is stored (ADR 0060).
CREATE TABLE webhook_inbox (
    id          bigserial PRIMARY KEY,
    source      text NOT NULL,
    received_at timestamptz NOT NULL,
    body        bytea NOT NULL
);

CREATE INDEX webhook_inbox_source ON webhook_inbox (source, id);
