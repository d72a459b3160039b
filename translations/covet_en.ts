<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Cannot open the project %1: %2</source>
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
</context>
</TS>
