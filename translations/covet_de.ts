<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>StudioOptions</name>
    <message>
        <source>Covet Studio: review schemas and migrations of PostgreSQL, MySQL/MariaDB and SQLite databases.</source>
        <translation>Covet Studio: Schemas und Migrationen von PostgreSQL-, MySQL/MariaDB- und SQLite-Datenbanken prüfen.</translation>
    </message>
    <message>
        <source>Create the built-in SQLite demo shop in a new directory ($COVET_DEMO_DIR or the application data directory) and open it.</source>
        <translation>Den eingebauten SQLite-Demo-Shop in einem neuen Verzeichnis ($COVET_DEMO_DIR oder dem Datenverzeichnis der Anwendung) anlegen und öffnen.</translation>
    </message>
    <message>
        <source>Select the table or view NAME once the schema is shown.</source>
        <translation>Die Tabelle oder Sicht NAME auswählen, sobald das Schema angezeigt wird.</translation>
    </message>
    <message>
        <source>A database URL (sqlite:shop.db, postgresql://user@host/db, mysql://user@host/db), a SQLite file or a Covet project directory.</source>
        <translation>Eine Datenbank-URL (sqlite:shop.db, postgresql://user@host/db, mysql://user@host/db), eine SQLite-Datei oder ein Covet-Projektverzeichnis.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create a new directory in %1.</source>
        <translation>In %1 kann kein neues Verzeichnis angelegt werden.</translation>
    </message>
</context>
<context>
    <name>covet::MainWindow</name>
    <message>
        <source>Covet Studio</source>
        <translation>Covet Studio</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a Covet project directory (with covet.yaml)</source>
        <translation>Ein Covet-Projektverzeichnis (mit covet.yaml) öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Database URL…</source>
        <translation>&amp;Datenbank-URL öffnen…</translation>
    </message>
    <message>
        <source>Connect to a database by URL and browse its schema</source>
        <translation>Per URL mit einer Datenbank verbinden und ihr Schema durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected SQL, or the selected object&apos;s name</source>
        <translation>Das markierte SQL oder den Namen des gewählten Objekts kopieren</translation>
    </message>
    <message>
        <source>&amp;Schema Browser</source>
        <translation>&amp;Schema-Browser</translation>
    </message>
    <message>
        <source>&amp;Reload Schema</source>
        <translation>Schema &amp;neu laden</translation>
    </message>
    <message>
        <source>Read the database&apos;s schema again</source>
        <translation>Das Schema der Datenbank erneut lesen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the schema</source>
        <translation>Das Lesen des Schemas abbrechen</translation>
    </message>
    <message>
        <source>&amp;About Covet Studio</source>
        <translation>&amp;Über Covet Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Reading the schema of %1…</source>
        <translation>Lese das Schema von %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>Cannot open the project %1: %2</source>
        <translation>Das Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 — Covet Studio</source>
        <translation>%1 — Covet Studio</translation>
    </message>
    <message>
        <source>Cannot create the demo project: %1</source>
        <translation>Das Demo-Projekt kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message numerus="yes">
        <source>Read %n table(s)</source>
        <translation>
            <numerusform>%n Tabelle gelesen</numerusform>
            <numerusform>%n Tabellen gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the schema of %1.
%2</source>
        <translation>Das Schema von %1 konnte nicht gelesen werden.
%2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Open Covet Project</source>
        <translation>Covet-Projekt öffnen</translation>
    </message>
    <message>
        <source>Open Database URL</source>
        <translation>Datenbank-URL öffnen</translation>
    </message>
    <message>
        <source>Database URL, e.g. sqlite:shop.db, postgresql://user@localhost/shop or mysql://user@localhost/shop:</source>
        <translation>Datenbank-URL, z. B. sqlite:shop.db, postgresql://user@localhost/shop oder mysql://user@localhost/shop:</translation>
    </message>
    <message>
        <source>About Covet Studio</source>
        <translation>Über Covet Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Covet Studio %1&lt;/h3&gt;&lt;p&gt;Schema migrations DBAs can trust, for PostgreSQL, MySQL/MariaDB and SQLite.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Covet Studio %1&lt;/h3&gt;&lt;p&gt;Schema-Migrationen, denen DBAs vertrauen können – für PostgreSQL, MySQL/MariaDB und SQLite.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>covet::SchemaBrowserView</name>
    <message>
        <source>Filter tables, columns, indexes…</source>
        <translation>Tabellen, Spalten, Indizes filtern…</translation>
    </message>
    <message>
        <source>Filter schema objects</source>
        <translation>Schema-Objekte filtern</translation>
    </message>
    <message>
        <source>Schema objects</source>
        <translation>Schema-Objekte</translation>
    </message>
    <message>
        <source>Select an object to see its definition.</source>
        <translation>Ein Objekt auswählen, um seine Definition zu sehen.</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n Sicht</numerusform>
            <numerusform>%n Sichten</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>gefiltert</translation>
    </message>
    <message>
        <source>%1 has no DDL of its own.</source>
        <translation>%1 hat keine eigene DDL.</translation>
    </message>
</context>
<context>
    <name>covet::SchemaTreeModel</name>
    <message>
        <source>(default schema)</source>
        <translation>(Standardschema)</translation>
    </message>
    <message>
        <source>Unique constraints</source>
        <translation>Eindeutigkeitsbedingungen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfbedingungen</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation>Aufzählungstyp</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Unique constraint</source>
        <translation>Eindeutigkeitsbedingung</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Foreign key</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfbedingung</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
</context>
<context>
    <name>covet::SqlEditor</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save SQL As…</source>
        <translation>SQL &amp;speichern unter…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation>SQL speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
