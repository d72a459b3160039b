<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RenameCandidateModel</name>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>nullability</source>
        <translation>NULL-Zulässigkeit</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabewert</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>Eindeutigkeit</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>column overlap</source>
        <translation>Spaltenüberdeckung</translation>
    </message>
    <message>
        <source>structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>context</source>
        <translation>Kontext</translation>
    </message>
</context>
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
    <message>
        <source>Show the view NAME first: schema or diff.</source>
        <translation>Zuerst die Ansicht NAME zeigen: schema oder diff.</translation>
    </message>
</context>
<context>
    <name>covet::DiffModel</name>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (vorher %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>covet::DiffView</name>
    <message>
        <source>No comparison yet.</source>
        <translation>Noch kein Vergleich.</translation>
    </message>
    <message>
        <source>Before (database)</source>
        <translation>Vorher (Datenbank)</translation>
    </message>
    <message>
        <source>After (desired)</source>
        <translation>Nachher (Soll)</translation>
    </message>
    <message>
        <source>Migration SQL</source>
        <translation>Migrations-SQL</translation>
    </message>
    <message>
        <source>Create Migration…</source>
        <translation>Migration erstellen…</translation>
    </message>
    <message>
        <source>Write these changes as the project&apos;s next migration file</source>
        <translation>Diese Änderungen als nächste Migrationsdatei des Projekts schreiben</translation>
    </message>
    <message>
        <source>Desired schema:</source>
        <translation>Soll-Schema:</translation>
    </message>
    <message>
        <source>Models file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>SQL file</source>
        <translation>SQL-Datei</translation>
    </message>
    <message>
        <source>Migration history</source>
        <translation>Migrationshistorie</translation>
    </message>
    <message>
        <source>Another connection</source>
        <translation>Andere Verbindung</translation>
    </message>
    <message>
        <source>Choose the file or directory</source>
        <translation>Datei oder Verzeichnis wählen</translation>
    </message>
    <message>
        <source>against the connected database</source>
        <translation>gegen die verbundene Datenbank</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Rename review</source>
        <translation>Umbenennungen prüfen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Treat the selected pair as a rename</source>
        <translation>Das gewählte Paar als Umbenennung behandeln</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Treat the selected pair as a drop and an add</source>
        <translation>Das gewählte Paar als Löschen und Hinzufügen behandeln</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>Candidates scoring at least this are accepted unless decided otherwise</source>
        <translation>Kandidaten mit mindestens dieser Bewertung werden angenommen, sofern nicht anders entschieden</translation>
    </message>
    <message>
        <source>Save Decisions…</source>
        <translation>Entscheidungen speichern…</translation>
    </message>
    <message>
        <source>Save the accepted and rejected renames as a file for covet diff --renames</source>
        <translation>Die angenommenen und abgelehnten Umbenennungen als Datei für covet diff --renames speichern</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>postgresql://user@host/db, mysql://user@host/db or sqlite:file.db</source>
        <translation>postgresql://user@host/db, mysql://user@host/db oder sqlite:datei.db</translation>
    </message>
    <message>
        <source>Choose the Migrations Directory</source>
        <translation>Migrationsverzeichnis wählen</translation>
    </message>
    <message>
        <source>Choose a SQL File</source>
        <translation>SQL-Datei wählen</translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation>SQL-Dateien (*.sql)</translation>
    </message>
    <message>
        <source>Choose a Models File</source>
        <translation>Modelldatei wählen</translation>
    </message>
    <message>
        <source>Models files (*.yaml *.yml);;Schema JSON (*.json)</source>
        <translation>Modelldateien (*.yaml *.yml);;Schema-JSON (*.json)</translation>
    </message>
    <message>
        <source>Connect to a database first: the diff compares the desired schema with it.</source>
        <translation>Zuerst mit einer Datenbank verbinden: der Vergleich stellt ihr das Soll-Schema gegenüber.</translation>
    </message>
    <message>
        <source>Choose the desired schema: a models file, a SQL file, a migrations directory or a database URL.</source>
        <translation>Das Soll-Schema wählen: eine Modelldatei, eine SQL-Datei, ein Migrationsverzeichnis oder eine Datenbank-URL.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Vergleiche %1 mit %2…</translation>
    </message>
    <message>
        <source>-- No differences: the database matches the desired schema.
</source>
        <translation>-- Keine Unterschiede: die Datenbank entspricht dem Soll-Schema.
</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in %1 object(s)</source>
        <translation>
            <numerusform>%n Änderung in %1 Objekt(en)</numerusform>
            <numerusform>%n Änderungen in %1 Objekt(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>The comparison failed.</source>
        <translation>Der Vergleich ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not compare %1 with the database.
%2</source>
        <translation>%1 konnte nicht mit der Datenbank verglichen werden.
%2</translation>
    </message>
    <message>
        <source>Before (database): %1</source>
        <translation>Vorher (Datenbank): %1</translation>
    </message>
    <message>
        <source>-- %1 is not in the database.
</source>
        <translation>-- %1 ist nicht in der Datenbank.
</translation>
    </message>
    <message>
        <source>-- %1 is not in the desired schema.
</source>
        <translation>-- %1 ist nicht im Soll-Schema.
</translation>
    </message>
    <message>
        <source>Save Rename Decisions</source>
        <translation>Umbenennungsentscheidungen speichern</translation>
    </message>
    <message>
        <source>Decisions files (*.yaml *.yml)</source>
        <translation>Entscheidungsdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Could not save the rename decisions.
%1</source>
        <translation>Die Umbenennungsentscheidungen konnten nicht gespeichert werden.
%1</translation>
    </message>
    <message>
        <source>creating a migration needs a project (covet.yaml); open one</source>
        <translation>eine Migration zu erstellen braucht ein Projekt (covet.yaml); eines öffnen</translation>
    </message>
    <message>
        <source>the migration needs a name of letters, digits or &apos;_&apos;</source>
        <translation>die Migration braucht einen Namen aus Buchstaben, Ziffern oder &apos;_&apos;</translation>
    </message>
    <message>
        <source>Create Migration</source>
        <translation>Migration erstellen</translation>
    </message>
    <message>
        <source>Could not create the migration.
%1</source>
        <translation>Die Migration konnte nicht erstellt werden.
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>a migration is made from a models file or a SQL file; choose one as the desired schema</source>
        <translation>eine Migration entsteht aus einer Modelldatei oder einer SQL-Datei; eine davon als Soll-Schema wählen</translation>
    </message>
    <message>
        <source>nothing to write: the migration history already matches the desired schema</source>
        <translation>nichts zu schreiben: die Migrationshistorie entspricht bereits dem Soll-Schema</translation>
    </message>
    <message>
        <source>Name of the migration (lowercase letters, digits, _; empty: derived from the changes):</source>
        <translation>Name der Migration (Kleinbuchstaben, Ziffern, _; leer: aus den Änderungen abgeleitet):</translation>
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
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>Compare a desired schema with the connected database</source>
        <translation>Ein Soll-Schema mit der verbundenen Datenbank vergleichen</translation>
    </message>
</context>
<context>
    <name>covet::RenameCandidateModel</name>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>%1 (hint)</source>
        <translation>%1 (Hinweis)</translation>
    </message>
    <message>
        <source>%1 (decided)</source>
        <translation>%1 (entschieden)</translation>
    </message>
    <message>
        <source>%1 (score)</source>
        <translation>%1 (Bewertung)</translation>
    </message>
    <message>
        <source>(table)</source>
        <translation>(Tabelle)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Old name</source>
        <translation>Alter Name</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
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
