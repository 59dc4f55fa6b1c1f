-- Where each page of a PDF starts in its text (index format 5), so passages can say their page.
ALTER TABLE contents ADD COLUMN pages int[];
