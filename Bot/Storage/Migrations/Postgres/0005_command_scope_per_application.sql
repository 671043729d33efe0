-- command_registrations.scope now names the application too ('<application id>/global' or
-- '<application id>/guild/<guild id>'), and its hash covers the exact JSON sent. Rows in the old form ('global' or
-- a guild id) can never match again; the next start registers once under the new scope.
DELETE FROM command_registrations WHERE scope NOT LIKE '%/%';
