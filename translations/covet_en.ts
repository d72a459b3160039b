<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>name the database to connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the SQLite database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the server&apos;s host (e.g. localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these fields do not make a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>the keychain holds no password for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain is available on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; there is no D-Bus session bus, so no Secret Service (GNOME Keyring, KWallet) can answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; is a Secret Service (GNOME Keyring, KWallet) running and unlocked in this session?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalBanner</name>
    <message>
        <source>applied again after the rollback, it does not give back the schema it had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back a second time, it does not give the same schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling it back does not give the schema before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its rollback does not restore what applying it changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied again after its rollback, it does not give the same schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applying it does not give the schema its file describes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsing the rollback: roll back, apply again, roll back again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsing: apply, roll back, apply again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be rehearsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; nothing to roll back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; nothing is pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; rolled back, applied again to the schema it had, and rolled back again — the way back works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; applied, rolled back to the schema before it, and applied again — the rollback works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal failed&lt;/b&gt; at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal incomplete:&lt;/b&gt; not every migration could be rehearsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rehearsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed on a scratch database holding this database&apos;s schema but no rows (this server cannot roll back DDL); it was dropped afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed in a transaction that was rolled back: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; no statement runs. %1 is only recorded as applied (every migration it replaces is applied), so there is nothing to rehearse. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameCandidateModel</name>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nullability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioOptions</name>
    <message>
        <source>Covet Studio: review schemas and migrations of PostgreSQL, MySQL/MariaDB and SQLite databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the built-in SQLite demo shop in a new directory ($COVET_DEMO_DIR or the application data directory) and open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the table or view NAME once the schema is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database URL (sqlite:shop.db, postgresql://user@host/db, mysql://user@host/db), a SQLite file or a Covet project directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a new directory in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rollback desk with the last N applied migrations chosen and the risk report of rolling them back. Nothing runs until Roll Back is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Migrations view and dry-run the pending migrations once they are listed: their SQL and, on PostgreSQL and SQLite, the result of executing it in a transaction that is rolled back. With --rollback-steps: the rollback desk&apos;s dry run and rehearsal of that rollback. Nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the view NAME first: schema, diff, migrations, risk (the Migrations view&apos;s Risk tab), rollback, backups, audit or dashboard (the audit dashboard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Migrations view and open Squash… once the migrations are listed, previewing the squash of all of them. Nothing is written until Write is clicked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioStyle</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioTranslations</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::AuditLogModel</name>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted (killed or connection lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused before running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run finished (verification)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::AuditView</name>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies and rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search migrations and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOX change-control evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIPAA audit controls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR records of processing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain: not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Chain intact: %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Chain broken at row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of &lt;b&gt;%2&lt;/b&gt;: %3, %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1@%2%3 in %4, %5 to %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (database user %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk %1, %2 rows/values at stake%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;error:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success and rollback rate per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success threshold %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback threshold %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest migrations (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration per environment (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf, .html, .csv or .json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::BackupListModel</name>
    <message>
        <source>apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1, taken %2 by %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (environment %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1. %2: %3 (%Ln row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>whole table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::BackupsView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the backups of the database again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute the checksums of the selected backup&apos;s tables and compare them with the recorded ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what restoring the selected backup writes, then restore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the selected backup&apos;s tables; it can no longer be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups in &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database to see its backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying backup %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop backup %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropping backup %1 deletes its tables: it can no longer be restored.
Type %2 to drop it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was not dropped: the confirmation did not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropping backup %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet: Covet takes one before a migration or rollback destroys data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Backup %1 verified: every table&apos;s checksum matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 differs from its checksums: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::ConfirmEnvironmentDialog</name>
    <message>
        <source>Apply to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the environment&apos;s name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back on %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore on %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before migrations are applied.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before migrations are rolled back.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before a backup is restored.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This destroys data:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Covet backs it up first; &lt;i&gt;Backups&lt;/i&gt; can restore it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Backups are off&lt;/b&gt; (safety.backup_before_data_loss): the data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n migration(s) will be applied:&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n migration(s) will be rolled back:&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;The restore writes:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type &lt;b&gt;yes&lt;/b&gt; to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the data and apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the data and roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::ConflictBanner</name>
    <message>
        <source>Apply is disabled: the migrations conflict with each other or with the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migrations directory and the history disagree:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Run `covet makemigrations --merge` to write a merge migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the migration files, then Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save without a successful test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a server you cannot reach from here right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the password from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the password from the system keychain: %1. Type it to test or connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of this connection is not stored; type it to test or connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot test: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields changed during the test; test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named “%1” exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection first (or tick “Save without a successful test”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”. You will be asked for the password when connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”; storing the password in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”; the password is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”, but the password was not saved: %2. You will be asked for it when connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved connection “%1” and its password in the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection first; Save is allowed once the test succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::ConnectionForm</name>
    <message>
        <source>e.g. shop (staging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MySQL / MariaDB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s port; &quot;default&quot; uses 5432 (PostgreSQL) or 3306 (MySQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the SQLite database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: none, or from PGPASSWORD / ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is never written to Covet Studio&apos;s settings file; without the keychain you are asked for it when connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL parameters, e.g. sslmode=require, schema=app, connect_timeout=10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path to the .db file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a SQLite Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::CreateMigrationController</name>
    <message>
        <source>creating a migration needs a project (covet.yaml); open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a migration is made from a models file or a SQL file; choose one as the desired schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the migration needs a name of letters, digits or &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a migration is being written already; wait for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the next migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the migration (lowercase letters, digits, _; empty: derived from the changes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the migration.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to write: the migration history already matches the desired schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No migration written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the migration before it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project is gone; open it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the next migration…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::CreateMigrationDialog</name>
    <message>
        <source>Write %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; will hold %n operation(s).&lt;/p&gt;&lt;p&gt;A migration is computed against the &lt;b&gt;migration history&lt;/b&gt; (the migrations directory), not against the database the Diff compared.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; will hold %n operation.&lt;/p&gt;&lt;p&gt;A migration is computed against the &lt;b&gt;migration history&lt;/b&gt; (the migrations directory), not against the database the Diff compared.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; will hold %n operations.&lt;/p&gt;&lt;p&gt;A migration is computed against the &lt;b&gt;migration history&lt;/b&gt; (the migrations directory), not against the database the Diff compared.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not in the Diff&apos;s change list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This differs from the Diff&apos;s change list against %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The history has %n pending migration(s) not yet applied to this database; the new migration comes after them.</source>
        <translation>
            <numerusform>The history has %n pending migration not yet applied to this database; the new migration comes after them.</numerusform>
            <numerusform>The history has %n pending migrations not yet applied to this database; the new migration comes after them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) marked above are not in the Diff&apos;s change list.</source>
        <translation>
            <numerusform>%n operation marked above are not in the Diff&apos;s change list.</numerusform>
            <numerusform>%n operations marked above are not in the Diff&apos;s change list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in this migration (the history already has them): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The history has %n pending migration(s) not yet applied to this database.</source>
        <translation>
            <numerusform>The history has %n pending migration not yet applied to this database.</numerusform>
            <numerusform>The history has %n pending migrations not yet applied to this database.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write Migration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::DiffModel</name>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::DiffSourceBar</name>
    <message>
        <source>Desired schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against the connected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user@host/db, mysql://user@host/db or sqlite:file.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Migrations Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a SQL File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Models File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models files (*.yaml *.yml);;Schema JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::DiffView</name>
    <message>
        <source>No comparison yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before (database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After (desired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write these changes as the project&apos;s next migration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database first: the diff compares the desired schema with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the desired schema: a models file, a SQL file, a migrations directory or a database URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- No differences: the database matches the desired schema.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in %1 object(s)</source>
        <translation>
            <numerusform>%n change in %1 object</numerusform>
            <numerusform>%n changes in %1 object(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Compared with the database&apos;s schema as read at %1; View &gt; Reload Schema reads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with the database&apos;s schema as read just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compare %1 with the database.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before (database): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- %1 is not in the database.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- %1 is not in the desired schema.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::DryRunPane</name>
    <message>
        <source>Running the dry run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- Nothing to roll back: the rollback would run no SQL.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- Nothing is pending: Apply would run no SQL.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run was cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Failing statement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Executed in a transaction that was rolled back: the rollback of %n migration(s) ran without an error. Nothing was changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Executed in a transaction that was rolled back: the SQL of %n pending migration(s) ran without an error. Nothing was changed.</source>
        <translation type="unfinished">
            <numerusform>Executed in a transaction that was rolled back: the SQL of %n pending migration ran without an error. Nothing was changed.</numerusform>
            <numerusform>Executed in a transaction that was rolled back: the SQL of %n pending migrations ran without an error. Nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of the rollback of %n migration(s); it was not executed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of %n pending migration(s); it was not executed.</source>
        <translation type="unfinished">
            <numerusform>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of %n pending migration; it was not executed.</numerusform>
            <numerusform>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of %n pending migrations; it was not executed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SQL of %n migration(s); it was not executed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>covet::MainWindow</name>
    <message>
        <source>Covet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Covet project directory (with covet.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Database URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database by URL and browse its schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected SQL, or the selected object&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schema Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the database&apos;s schema again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Covet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the schema of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Covet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the demo project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read %n table(s)</source>
        <translation>
            <numerusform>Read %n table</numerusform>
            <numerusform>Read %n tables</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the schema of %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Covet Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL, e.g. sqlite:shop.db, postgresql://user@localhost/shop or mysql://user@localhost/shop:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Covet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Covet Studio %1&lt;/h3&gt;&lt;p&gt;Schema migrations DBAs can trust, for PostgreSQL, MySQL/MariaDB and SQLite.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage saved connections, test them and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare a desired schema with the connected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review, dry-run and apply the project&apos;s pending migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect when Covet Studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rollback Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll migrations back step by step: risk, backup, dry run, rollback, verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify, restore and drop the backups Covet took before data was destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project, connect to a database, open the demo or a recent project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every execution: history, chain verification, dashboard, compliance reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationDetails</name>
    <message>
        <source>Select a migration to see its SQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the SQL that rolls the migration back instead of the SQL that applies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run shows the SQL Apply would run and, on PostgreSQL and SQLite, executes it in a transaction that is then rolled back: nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · rollback SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file removed after the squash, replaced by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · rollback SQL, the run that stopped part-way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · apply SQL (the run that stopped part-way is the rollback)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationErrorDialog</name>
    <message>
        <source>Dry run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run of %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migrations could not be applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (environment %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the migration history again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationListModel</name>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was applied on %2 by %3 in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not applied yet (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed after it was applied: the history recorded checksum %2, the file now has %3. Restore the file; a change belongs in a new migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is recorded as applied but its file is missing from the migrations directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: none found%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (graded by the live data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>
%n more finding(s): see the Risk tab.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>part-way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Squashed migration: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (squashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is part-way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.
%3
How to finish or undo it: %4 (the buttons over its SQL do the same).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationRunController</name>
    <message>
        <source>Not applied: it was not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every pending migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (environment %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run of %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: Covet stops before the next operation; a migration in progress is rolled back and stays pending; finished migrations stay applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply: the database is up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s): %1</source>
        <translation>
            <numerusform>Applied %n migration: %1</numerusform>
            <numerusform>Applied %n migrations: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the part-way migration on %1 as `covet rollback --resume`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the part-way migration on %1 as `covet migrate --resume`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: the part-way migration is settled as `covet rollback --resume` settles it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationRunPanel</name>
    <message>
        <source>No run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply or dry-run pending migrations; their progress and log appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n migration(s)</source>
        <translation>
            <numerusform>%1 of %n migration</numerusform>
            <numerusform>%1 of %n migrations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: operation %2 of %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop before the next operation; a migration in progress is rolled back and stays pending, finished migrations stay applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n migration(s) done, %2</source>
        <translation>
            <numerusform>%1 of %n migration done, %2</numerusform>
            <numerusform>%1 of %n migrations done, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationStateNote</name>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;How to finish or undo it:&lt;/b&gt; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listing is not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Squashed:&lt;/b&gt; %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;There is no file to show. The history records it as applied on %1 by %2 in %3, with checksum %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As `covet migrate --resume`, which %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As `covet rollback --resume`, which %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covet cannot run `covet migrate --resume` now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covet cannot run `covet rollback --resume` now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Here, &lt;b&gt;%1&lt;/b&gt; runs `covet migrate --resume` and &lt;b&gt;%2&lt;/b&gt; runs `covet rollback --resume`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationsHeader</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the migration history of the database again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the SQL Apply would run and, on PostgreSQL and SQLite, execute it in a transaction that is rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry-run the pending migrations up to and including the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply, roll back and apply again each pending migration, checking the schema after each, without changing the database: does every rollback restore what its migration changed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back to Here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the rollback desk to roll back every migration applied after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the conflict shown above first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pending migration to apply the migrations up to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project and its database to squash its migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashing is turned off in covet.yaml (squashing: {enabled: false})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashing needs at least two migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squash a range of migrations into one, proven to give the same schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or undo the part-way migration first (select it): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::MigrationsView</name>
    <message>
        <source>The project names no usable database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history now records: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the migrations of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project (a directory with covet.yaml) to see its migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal passed: every pending migration rolls back to where it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal did not pass: see the Dry Run tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsing every pending migration on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(asks for confirmation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashed migration %1 written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not part-way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal: nothing runs, nothing to rehearse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect when Covet Studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RenameCandidateModel</name>
    <message>
        <source>%1 %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (hint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (decided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RenameReviewPane</name>
    <message>
        <source>Rename review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat the selected pair as a rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat the selected pair as a drop and an add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates scoring at least this are accepted unless decided otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Decisions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the accepted and rejected renames as a file for covet diff --renames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Rename Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the rename decisions.
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RestoreDialog</name>
    <message>
        <source>Restore backup(s) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment &lt;b&gt;%1&lt;/b&gt; asks for confirmation: type its name to restore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading what restoring %1 would write…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1. Backup %2 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 cannot be restored now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore of backup %1 failed and wrote nothing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring writes the following, each backup in one transaction verified by checksum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1; every table&apos;s checksum matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore found differences (below).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RiskPanel</name>
    <message>
        <source>All pending migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the risk of every pending migration instead of the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk report yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every pending migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>graded by the live data (%n statement(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not graded by live data: counts unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: no risk found, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: risk &lt;b&gt;%2&lt;/b&gt; · %n finding(s), %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Destroys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A backup keeps %n table(s) of data at stake before it runs.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RiskReportModel</name>
    <message numerus="yes">
        <source>%Ln row(s) lost</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s) lost</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (of %2 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 affected of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Data at stake:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Foreign-key dependents:&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Safer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Acknowledged&lt;/b&gt; by the migration: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (acknowledged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation / finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data at stake</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::RollbackDesk</name>
    <message>
        <source>1. Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rollback puts at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the migrations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollback cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back to the selected migration (it stays applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> migration(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of the data the rollback destroys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the data at stake before it is destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run starts when this step opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the dry run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back migrations of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt; (asks for confirmation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project (a directory with covet.yaml) to roll its migrations back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is applied: there is nothing to roll back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected migration is the last applied one: choose an earlier one, or a number of migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rolls back %n migration(s), last applied first: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Rolls back %n migration(s): &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Destroys: %1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A backup is taken first.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No backup&lt;/b&gt; is taken: the data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;You will be asked to type a confirmation.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning the rollback and counting what it destroys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This rollback destroys no data: there is nothing to back up.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;What the rollback destroys, per table:&lt;/p&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table &lt;b&gt;%1&lt;/b&gt;: %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;.%2: %3 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Covet copies this data into backup tables inside the rollback&apos;s transaction (on MySQL/MariaDB right before it), with a checksum, so the backup holds exactly what is destroyed. Its id appears when the rollback has run, with the progress in the rollback&apos;s log.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No backup:&lt;/b&gt; once rolled back, this data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rolled back: it was not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: Covet stops before the next operation; a migration in progress is rolled back and stays applied; migrations already rolled back stay rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rolled back %n migration(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 taken: %2 rows in %n table(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>covet::RollbackVerification</name>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the backed-up values back (after migrating forward again, so that their tables and columns exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verification ran (safety.verify_after_run is off, or the run stopped before it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backup %1: %2 rows of %n table(s), kept in the database.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rolled back and verified: the schema equals the target and the untouched tables kept their row counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back; not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back, but the verification found differences (below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollback was cancelled (below: what stays rolled back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollback failed (below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backup id(s): %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>covet::SchemaBrowserView</name>
    <message>
        <source>Filter tables, columns, indexes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter schema objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object to see its definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n view</numerusform>
            <numerusform>%n views</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no DDL of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matching object(s), collapsed</source>
        <translation>
            <numerusform>%n matching object, collapsed</numerusform>
            <numerusform>%n matching objects, collapsed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>covet::SchemaTreeModel</name>
    <message>
        <source>(default schema)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::SqlEditor</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save SQL As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected SQL, or all of it when nothing is selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::SquashDialog</name>
    <message>
        <source>Divergent branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain SQL migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run_sql barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited since applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squash Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the newest N migrations of the range as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The squashed migration&apos;s name: lowercase letters, digits and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the squash and prove it, without writing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Squash from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The squashed migration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the migrations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview to plan and prove the squash of this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning and proving the squash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot squash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot plan this squash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; migrations (%2 … %3): &lt;b&gt;%4&lt;/b&gt; operations before → &lt;b&gt;%5&lt;/b&gt; after, &lt;b&gt;%6%&lt;/b&gt; fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-memory replay: proven — the squashed migration gives the same schema as the originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-memory replay: not proven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratch database (%1): proven — applied for real, the inspected schemas are equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratch database (%1): not proven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratch database: not checked (set dev_url in covet.yaml to a scratch server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversible: its down part gives back the schema before the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irreversible: a run_sql has no reverse SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  • %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict — %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note — %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write is disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a conflict stands in the way (see below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the squashed migration is not proven to equal the originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proven and conflict-free: Write adds %1 to the migrations directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (replaces %2). The replaced files can be deleted once every database has applied the whole range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the squashed migration; an existing file is never overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The squash is not proven or has a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview first: only a proven, conflict-free squash can be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashing is turned off in covet.yaml (squashing: {enabled: false}): nothing can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to squash: the migration graph holds fewer than two migrations not yet replaced by a squash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::StartPage</name>
    <message>
        <source>Covet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review schema changes of PostgreSQL, MySQL/MariaDB and SQLite databases, dry-run them, then apply them with a history of who did what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A directory with covet.yaml and its migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL, MySQL/MariaDB or SQLite: a saved connection or a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SQLite shop in a new directory: one migration applied, one pending, and a models file with renames to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer holds a covet.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from This List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>covet::TargetController</name>
    <message>
        <source>The database the views work on: an environment of the project or a saved connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 names no database: add a &quot;database:&quot; line or an environment to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the project&apos;s database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the environment “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved connection named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the connection “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not give the password: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying migrations asks for this environment&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &gt; Open Project… opens a directory with covet.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
