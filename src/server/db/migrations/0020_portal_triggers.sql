-- Cached portal pages (issue 15 part 4) also show the Q&A base (/hdjl/zxwd), the 意见征集 drafts (/hdjl/zj) and the
-- units' full names: a committed change to them tells every instance, like the tables of 0017.
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_qa_entries FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_drafts FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_comments FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
