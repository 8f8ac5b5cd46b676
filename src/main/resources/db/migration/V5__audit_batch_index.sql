-- Undo reads one command's entries by batch, and finds a person's latest change newest first: an index on the
-- batch keeps the first from reading the whole trail (the second pages backwards by seq, the primary key).
CREATE INDEX audit_entry_batch ON audit_entry ((entry->>'batch'));
