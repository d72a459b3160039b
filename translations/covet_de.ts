<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>name the database to connect to</source>
        <translation>die Datenbank angeben, mit der verbunden werden soll</translation>
    </message>
    <message>
        <source>choose the SQLite database file</source>
        <translation>die SQLite-Datenbankdatei wählen</translation>
    </message>
    <message>
        <source>name the server&apos;s host (e.g. localhost)</source>
        <translation>den Host des Servers angeben (z. B. localhost)</translation>
    </message>
    <message>
        <source>these fields do not make a valid URL: %1</source>
        <translation>diese Felder ergeben keine gültige URL: %1</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>the keychain holds no password for this connection</source>
        <translation>der Schlüsselbund enthält kein Passwort für diese Verbindung</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <source>no keychain is available on this system</source>
        <translation>auf diesem System ist kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>the keychain failed</source>
        <translation>der Schlüsselbund hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>; there is no D-Bus session bus, so no Secret Service (GNOME Keyring, KWallet) can answer</source>
        <translation>; es gibt keinen D-Bus-Sitzungsbus, daher kann kein Secret Service (GNOME Keyring, KWallet) antworten</translation>
    </message>
    <message>
        <source>; is a Secret Service (GNOME Keyring, KWallet) running and unlocked in this session?</source>
        <translation>; läuft in dieser Sitzung ein entsperrter Secret Service (GNOME Keyring, KWallet)?</translation>
    </message>
</context>
<context>
    <name>RehearsalBanner</name>
    <message>
        <source>applied again after the rollback, it does not give back the schema it had</source>
        <translation>nach dem Zurückrollen erneut angewendet, ergibt sie nicht wieder das Schema, das sie hatte</translation>
    </message>
    <message>
        <source>rolled back a second time, it does not give the same schema</source>
        <translation>ein zweites Mal zurückgerollt, ergibt sie nicht dasselbe Schema</translation>
    </message>
    <message>
        <source>rolling it back does not give the schema before it</source>
        <translation>ihr Zurückrollen ergibt nicht das Schema vor ihr</translation>
    </message>
    <message>
        <source>its rollback does not restore what applying it changed</source>
        <translation>ihr Zurückrollen stellt nicht wieder her, was ihr Anwenden geändert hat</translation>
    </message>
    <message>
        <source>applied again after its rollback, it does not give the same schema</source>
        <translation>nach ihrem Zurückrollen erneut angewendet, ergibt sie nicht dasselbe Schema</translation>
    </message>
    <message>
        <source>applying it does not give the schema its file describes</source>
        <translation>ihr Anwenden ergibt nicht das Schema, das ihre Datei beschreibt</translation>
    </message>
    <message>
        <source>Rehearsing the rollback: roll back, apply again, roll back again…</source>
        <translation>Generalprobe des Zurückrollens: zurückrollen, erneut anwenden, erneut zurückrollen…</translation>
    </message>
    <message>
        <source>Rehearsing: apply, roll back, apply again…</source>
        <translation>Generalprobe: anwenden, zurückrollen, erneut anwenden…</translation>
    </message>
    <message>
        <source>It could not be rehearsed: %1</source>
        <translation>Die Generalprobe war nicht möglich: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; nothing to roll back.</source>
        <translation>&lt;b&gt;Generalprobe:&lt;/b&gt; nichts zurückzurollen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; nothing is pending.</source>
        <translation>&lt;b&gt;Generalprobe:&lt;/b&gt; nichts ist ausstehend.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; rolled back, applied again to the schema it had, and rolled back again — the way back works.</source>
        <translation>&lt;b&gt;Generalprobe:&lt;/b&gt; zurückgerollt, erneut angewendet bis zum vorherigen Schema und wieder zurückgerollt — der Rückweg funktioniert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; applied, rolled back to the schema before it, and applied again — the rollback works.</source>
        <translation>&lt;b&gt;Generalprobe:&lt;/b&gt; angewendet, auf das Schema davor zurückgerollt und erneut angewendet — das Zurückrollen funktioniert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal failed&lt;/b&gt; at %1.</source>
        <translation>&lt;b&gt;Generalprobe fehlgeschlagen&lt;/b&gt; bei %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal incomplete:&lt;/b&gt; not every migration could be rehearsed.</source>
        <translation>&lt;b&gt;Generalprobe unvollständig:&lt;/b&gt; nicht jede Migration konnte geprobt werden.</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1: in Ordnung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not rehearsed: %1</source>
        <translation>Nicht geprobt: %1</translation>
    </message>
    <message>
        <source>Rehearsed on a scratch database holding this database&apos;s schema but no rows (this server cannot roll back DDL); it was dropped afterwards.</source>
        <translation>Auf einer Wegwerf-Datenbank mit dem Schema dieser Datenbank, aber ohne Zeilen geprobt (dieser Server kann DDL nicht zurückrollen); sie wurde danach gelöscht.</translation>
    </message>
    <message>
        <source>Rehearsed in a transaction that was rolled back: nothing was changed.</source>
        <translation>In einer Transaktion geprobt, die zurückgerollt wurde: nichts wurde verändert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rehearsal:&lt;/b&gt; no statement runs. %1 is only recorded as applied (every migration it replaces is applied), so there is nothing to rehearse. Nothing was changed.</source>
        <translation>&lt;b&gt;Generalprobe:&lt;/b&gt; Keine Anweisung wird ausgeführt. %1 wird nur als angewendet eingetragen (jede Migration, die sie ersetzt, ist angewendet), daher gibt es nichts zu proben. Nichts wurde geändert.</translation>
    </message>
</context>
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
        <source>Show the rollback desk with the last N applied migrations chosen and the risk report of rolling them back. Nothing runs until Roll Back is confirmed.</source>
        <translation>Den Rollback-Arbeitsplatz mit den letzten N angewendeten Migrationen und dem Risikobericht ihres Zurückrollens zeigen. Nichts läuft, bevor „Zurückrollen“ bestätigt ist.</translation>
    </message>
    <message>
        <source>Show the Migrations view and dry-run the pending migrations once they are listed: their SQL and, on PostgreSQL and SQLite, the result of executing it in a transaction that is rolled back. With --rollback-steps: the rollback desk&apos;s dry run and rehearsal of that rollback. Nothing is changed.</source>
        <translation>Die Ansicht „Migrationen“ zeigen und für die ausstehenden Migrationen einen Probelauf ausführen, sobald sie aufgelistet sind: ihr SQL und, unter PostgreSQL und SQLite, das Ergebnis seiner Ausführung in einer Transaktion, die zurückgerollt wird. Mit --rollback-steps: Probelauf und Generalprobe dieses Zurückrollens im Rollback-Arbeitsplatz. Es wird nichts verändert.</translation>
    </message>
    <message>
        <source>Show the view NAME first: schema, diff, migrations, risk (the Migrations view&apos;s Risk tab), rollback, backups, audit or dashboard (the audit dashboard).</source>
        <translation>Zuerst die Ansicht NAME zeigen: schema, diff, migrations, risk (der Reiter „Risiko“ der Migrationsansicht), rollback, backups, audit oder dashboard (das Audit-Dashboard).</translation>
    </message>
    <message>
        <source>Show the Migrations view and open Squash… once the migrations are listed, previewing the squash of all of them. Nothing is written until Write is clicked.</source>
        <translation>Die Ansicht „Migrationen“ zeigen und „Zusammenfassen…“ öffnen, sobald die Migrationen aufgelistet sind, mit der Vorschau, alle zusammenzufassen. Nichts wird geschrieben, bevor „Schreiben“ geklickt wird.</translation>
    </message>
</context>
<context>
    <name>StudioStyle</name>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>StudioTranslations</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
</context>
<context>
    <name>covet::AuditLogModel</name>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>after a break</source>
        <translation>nach einem Bruch</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Interrupted (killed or connection lost)</source>
        <translation>Unterbrochen (beendet oder Verbindung verloren)</translation>
    </message>
    <message>
        <source>Refused before running</source>
        <translation>Vor dem Lauf abgelehnt</translation>
    </message>
    <message>
        <source>Run started</source>
        <translation>Lauf begonnen</translation>
    </message>
    <message>
        <source>Run finished (verification)</source>
        <translation>Lauf beendet (Prüfung)</translation>
    </message>
</context>
<context>
    <name>covet::AuditView</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Applies and rollbacks</source>
        <translation>Anwenden und Zurückrollen</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Rollbacks</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Search migrations and errors</source>
        <translation>Migrationen und Fehler durchsuchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>SOX change-control evidence…</source>
        <translation>SOX-Nachweis der Änderungskontrolle…</translation>
    </message>
    <message>
        <source>HIPAA audit controls…</source>
        <translation>HIPAA-Audit-Kontrollen…</translation>
    </message>
    <message>
        <source>GDPR records of processing…</source>
        <translation>DSGVO-Verzeichnis von Verarbeitungstätigkeiten…</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;CSV (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Chain: not read</source>
        <translation>Kette: nicht gelesen</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Audit-Protokoll wird gelesen…</translation>
    </message>
    <message>
        <source>✔ Chain intact: %1 rows</source>
        <translation>✔ Kette intakt: %1 Zeilen</translation>
    </message>
    <message>
        <source>✖ Chain broken at row %1: %2</source>
        <translation>✖ Kette unterbrochen bei Zeile %1: %2</translation>
    </message>
    <message>
        <source>No alert.</source>
        <translation>Keine Warnung.</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Warnungen: %1</translation>
    </message>
    <message>
        <source>Could not read the audit log</source>
        <translation>Das Audit-Protokoll konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of &lt;b&gt;%2&lt;/b&gt;: %3, %4 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von &lt;b&gt;%2&lt;/b&gt;: %3, %4 ms</translation>
    </message>
    <message>
        <source>by %1@%2%3 in %4, %5 to %6</source>
        <translation>von %1@%2%3 in %4, %5 bis %6</translation>
    </message>
    <message>
        <source> (database user %1)</source>
        <translation> (Datenbankbenutzer %1)</translation>
    </message>
    <message>
        <source>no environment</source>
        <translation>keine Umgebung</translation>
    </message>
    <message>
        <source>risk %1, %2 rows/values at stake%3%4</source>
        <translation>Risiko %1, %2 Zeilen/Werte gefährdet%3%4</translation>
    </message>
    <message>
        <source>, backup %1</source>
        <translation>, Sicherung %1</translation>
    </message>
    <message>
        <source>, acknowledged: %1</source>
        <translation>, bestätigt: %1</translation>
    </message>
    <message>
        <source>chain: %1</source>
        <translation>Kette: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;error:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehler:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Executions per day</source>
        <translation>Ausführungen pro Tag</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>Fehlgeschlagen oder abgebrochen</translation>
    </message>
    <message>
        <source>Success and rollback rate per day</source>
        <translation>Erfolgs- und Rollback-Quote pro Tag</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Rollback rate</source>
        <translation>Rollback-Quote</translation>
    </message>
    <message>
        <source>Success threshold %1%</source>
        <translation>Erfolgsschwelle %1%</translation>
    </message>
    <message>
        <source>Rollback threshold %1%</source>
        <translation>Rollback-Schwelle %1%</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Slowest migrations (ms)</source>
        <translation>Langsamste Migrationen (ms)</translation>
    </message>
    <message>
        <source>average</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Duration per environment (ms)</source>
        <translation>Dauer je Umgebung (ms)</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf, .html, .csv or .json</source>
        <translation>Wählen Sie eine Datei mit der Endung .pdf, .html, .csv oder .json</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>covet::BackupListModel</name>
    <message>
        <source>apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>aufbewahrt</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>Backup %1, taken %2 by %3%4</source>
        <translation>Sicherung %1, erstellt %2 von %3%4</translation>
    </message>
    <message>
        <source> (environment %1)</source>
        <translation> (Umgebung %1)</translation>
    </message>
    <message numerus="yes">
        <source>%1. %2: %3 (%Ln row(s))</source>
        <translation>
            <numerusform>%1. %2: %3 (%Ln Zeile)</numerusform>
            <numerusform>%1. %2: %3 (%Ln Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>whole table</source>
        <translation>ganze Tabelle</translation>
    </message>
    <message>
        <source>Restored %1 by %2</source>
        <translation>Wiederhergestellt %1 von %2</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (table)</source>
        <translation>%1 (Tabelle)</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>covet::BackupsView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the backups of the database again</source>
        <translation>Die Sicherungen der Datenbank neu lesen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Recompute the checksums of the selected backup&apos;s tables and compare them with the recorded ones</source>
        <translation>Die Prüfsummen der Tabellen der gewählten Sicherung neu berechnen und mit den gespeicherten vergleichen</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Show what restoring the selected backup writes, then restore it</source>
        <translation>Zeigen, was das Wiederherstellen der gewählten Sicherung schreibt, dann wiederherstellen</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Drop the selected backup&apos;s tables; it can no longer be restored</source>
        <translation>Die Tabellen der gewählten Sicherung löschen; sie kann danach nicht mehr wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Backups in &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Sicherungen in &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connect to a database to see its backups.</source>
        <translation>Verbinden Sie sich mit einer Datenbank, um ihre Sicherungen zu sehen.</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Sicherungen werden gelesen…</translation>
    </message>
    <message>
        <source>Verifying backup %1…</source>
        <translation>Sicherung %1 wird geprüft…</translation>
    </message>
    <message>
        <source>Backup %1 was restored.</source>
        <translation>Sicherung %1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Backup %1 was not restored.</source>
        <translation>Sicherung %1 wurde nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Drop backup %1?</source>
        <translation>Sicherung %1 löschen?</translation>
    </message>
    <message>
        <source>Dropping backup %1 deletes its tables: it can no longer be restored.
Type %2 to drop it:</source>
        <translation>Das Löschen von Sicherung %1 entfernt ihre Tabellen: Sie kann danach nicht mehr wiederhergestellt werden.
Geben Sie %2 ein, um sie zu löschen:</translation>
    </message>
    <message>
        <source>Backup %1 was not dropped: the confirmation did not match.</source>
        <translation>Sicherung %1 wurde nicht gelöscht: Die Bestätigung stimmte nicht.</translation>
    </message>
    <message>
        <source>Dropping backup %1…</source>
        <translation>Sicherung %1 wird gelöscht…</translation>
    </message>
    <message>
        <source>No backups yet: Covet takes one before a migration or rollback destroys data.</source>
        <translation>Noch keine Sicherungen: Covet legt eine an, bevor eine Migration oder ein Zurückrollen Daten zerstört.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n Sicherung.</numerusform>
            <numerusform>%n Sicherungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup %1 verified: every table&apos;s checksum matches.</source>
        <translation>Sicherung %1 geprüft: Die Prüfsumme jeder Tabelle stimmt.</translation>
    </message>
    <message>
        <source>Backup %1 differs from its checksums: %2</source>
        <translation>Sicherung %1 weicht von ihren Prüfsummen ab: %2</translation>
    </message>
    <message>
        <source>Backup %1 was dropped.</source>
        <translation>Sicherung %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>covet::ConfirmEnvironmentDialog</name>
    <message>
        <source>Apply to %1?</source>
        <translation>Auf %1 anwenden?</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the environment&apos;s name to confirm:</source>
        <translation>Zur Bestätigung den Namen der Umgebung eingeben:</translation>
    </message>
    <message>
        <source>Apply to %1</source>
        <translation>Auf %1 anwenden</translation>
    </message>
    <message>
        <source>Roll back on %1?</source>
        <translation>Auf %1 zurückrollen?</translation>
    </message>
    <message>
        <source>Restore on %1?</source>
        <translation>Auf %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before migrations are applied.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Umgebung &lt;b&gt;%1&lt;/b&gt; (%2) verlangt eine Bestätigung, bevor Migrationen angewendet werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before migrations are rolled back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Umgebung &lt;b&gt;%1&lt;/b&gt; (%2) verlangt eine Bestätigung, bevor Migrationen zurückgerollt werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The environment &lt;b&gt;%1&lt;/b&gt; (%2) asks for confirmation before a backup is restored.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Umgebung &lt;b&gt;%1&lt;/b&gt; (%2) verlangt eine Bestätigung, bevor eine Sicherung wiederhergestellt wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This destroys data:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dies zerstört Daten:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Covet backs it up first; &lt;i&gt;Backups&lt;/i&gt; can restore it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Covet sichert sie vorher; unter &lt;i&gt;Sicherungen&lt;/i&gt; lassen sie sich wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Backups are off&lt;/b&gt; (safety.backup_before_data_loss): the data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sicherungen sind abgeschaltet&lt;/b&gt; (safety.backup_before_data_loss): Covet kann die Daten nicht wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n migration(s) will be applied:&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Migration wird angewendet:&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Migrationen werden angewendet:&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n migration(s) will be rolled back:&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Migration wird zurückgerollt:&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Migrationen werden zurückgerollt:&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;The restore writes:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Wiederherstellung schreibt:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;yes&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;yes&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>Destroy the data and apply</source>
        <translation>Daten zerstören und anwenden</translation>
    </message>
    <message>
        <source>Roll back on %1</source>
        <translation>Auf %1 zurückrollen</translation>
    </message>
    <message>
        <source>Destroy the data and roll back</source>
        <translation>Daten zerstören und zurückrollen</translation>
    </message>
    <message>
        <source>Restore on %1</source>
        <translation>Auf %1 wiederherstellen</translation>
    </message>
</context>
<context>
    <name>covet::ConflictBanner</name>
    <message>
        <source>Apply is disabled: the migrations conflict with each other or with the history.</source>
        <translation>Anwenden ist gesperrt: die Migrationen widersprechen einander oder der Historie.</translation>
    </message>
    <message>
        <source>The migrations directory and the history disagree:</source>
        <translation>Das Migrationsverzeichnis und die Historie stimmen nicht überein:</translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation>• %1 (%2): %3</translation>
    </message>
    <message>
        <source> Run `covet makemigrations --merge` to write a merge migration.</source>
        <translation> Führen Sie `covet makemigrations --merge` aus, um eine Merge-Migration zu schreiben.</translation>
    </message>
    <message>
        <source>Fix the migration files, then Refresh.</source>
        <translation>Korrigieren Sie die Migrationsdateien und aktualisieren Sie dann.</translation>
    </message>
</context>
<context>
    <name>covet::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation>Gespeicherte Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Save without a successful test</source>
        <translation>Ohne erfolgreichen Test speichern</translation>
    </message>
    <message>
        <source>For a server you cannot reach from here right now</source>
        <translation>Für einen Server, der von hier aus gerade nicht erreichbar ist</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <source>Reading the password from the system keychain…</source>
        <translation>Lese das Passwort aus dem Schlüsselbund des Systems…</translation>
    </message>
    <message>
        <source>Could not read the password from the system keychain: %1. Type it to test or connect.</source>
        <translation>Das Passwort konnte nicht aus dem Schlüsselbund des Systems gelesen werden: %1. Geben Sie es ein, um zu testen oder zu verbinden.</translation>
    </message>
    <message>
        <source>The password of this connection is not stored; type it to test or connect.</source>
        <translation>Das Passwort dieser Verbindung ist nicht gespeichert; geben Sie es ein, um zu testen oder zu verbinden.</translation>
    </message>
    <message>
        <source>Cannot test: %1.</source>
        <translation>Test nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>The fields changed during the test; test again.</source>
        <translation>Die Felder wurden während des Tests geändert; bitte erneut testen.</translation>
    </message>
    <message>
        <source>Connected: %1 at %2</source>
        <translation>Verbunden: %1 unter %2</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Give the connection a name first.</source>
        <translation>Geben Sie der Verbindung zuerst einen Namen.</translation>
    </message>
    <message>
        <source>A connection named “%1” exists already; choose another name.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Test the connection first (or tick “Save without a successful test”).</source>
        <translation>Testen Sie die Verbindung zuerst (oder kreuzen Sie „Ohne erfolgreichen Test speichern“ an).</translation>
    </message>
    <message>
        <source>Saved “%1”. You will be asked for the password when connecting.</source>
        <translation>„%1“ gespeichert. Das Passwort wird beim Verbinden abgefragt.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved “%1”; storing the password in the system keychain…</source>
        <translation>„%1“ gespeichert; speichere das Passwort im Schlüsselbund des Systems…</translation>
    </message>
    <message>
        <source>Saved “%1”; the password is in the system keychain.</source>
        <translation>„%1“ gespeichert; das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Saved “%1”, but the password was not saved: %2. You will be asked for it when connecting.</source>
        <translation>„%1“ gespeichert, aber das Passwort wurde nicht gespeichert: %2. Es wird beim Verbinden abgefragt.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the saved connection “%1” and its password in the keychain?</source>
        <translation>Die gespeicherte Verbindung „%1“ und ihr Passwort im Schlüsselbund löschen?</translation>
    </message>
    <message>
        <source>Cannot connect: %1.</source>
        <translation>Verbinden nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Test the connection first; Save is allowed once the test succeeds.</source>
        <translation>Testen Sie die Verbindung zuerst; Speichern ist möglich, sobald der Test erfolgreich war.</translation>
    </message>
</context>
<context>
    <name>covet::ConnectionForm</name>
    <message>
        <source>e.g. shop (staging)</source>
        <translation>z. B. shop (staging)</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>The server&apos;s port; &quot;default&quot; uses 5432 (PostgreSQL) or 3306 (MySQL)</source>
        <translation>Der Port des Servers; „Standard“ verwendet 5432 (PostgreSQL) oder 3306 (MySQL)</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Choose the SQLite database file</source>
        <translation>Die SQLite-Datenbankdatei wählen</translation>
    </message>
    <message>
        <source>empty: none, or from PGPASSWORD / ~/.pgpass</source>
        <translation>leer: keines, oder aus PGPASSWORD / ~/.pgpass</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Das Passwort im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <source>The password is never written to Covet Studio&apos;s settings file; without the keychain you are asked for it when connecting.</source>
        <translation>Das Passwort wird nie in die Einstellungsdatei von Covet Studio geschrieben; ohne Schlüsselbund wird es beim Verbinden abgefragt.</translation>
    </message>
    <message>
        <source>URL parameters, e.g. sslmode=require, schema=app, connect_timeout=10</source>
        <translation>URL-Parameter, z. B. sslmode=require, schema=app, connect_timeout=10</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>&amp;Optionen:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>the database&apos;s name</source>
        <translation>Name der Datenbank</translation>
    </message>
    <message>
        <source>path to the .db file</source>
        <translation>Pfad zur .db-Datei</translation>
    </message>
    <message>
        <source>Choose a SQLite Database</source>
        <translation>SQLite-Datenbank wählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>incomplete: %1</source>
        <translation>unvollständig: %1</translation>
    </message>
</context>
<context>
    <name>covet::CreateMigrationController</name>
    <message>
        <source>creating a migration needs a project (covet.yaml); open one</source>
        <translation>eine Migration zu erstellen braucht ein Projekt (covet.yaml); eines öffnen</translation>
    </message>
    <message>
        <source>a migration is made from a models file or a SQL file; choose one as the desired schema</source>
        <translation>eine Migration entsteht aus einer Modelldatei oder einer SQL-Datei; eine davon als Soll-Schema wählen</translation>
    </message>
    <message>
        <source>the migration needs a name of letters, digits or &apos;_&apos;</source>
        <translation>die Migration braucht einen Namen aus Buchstaben, Ziffern oder &apos;_&apos;</translation>
    </message>
    <message>
        <source>a migration is being written already; wait for it</source>
        <translation>es wird bereits eine Migration geschrieben; bitte darauf warten</translation>
    </message>
    <message>
        <source>Computing the next migration…</source>
        <translation>Berechne die nächste Migration…</translation>
    </message>
    <message>
        <source>Create Migration</source>
        <translation>Migration erstellen</translation>
    </message>
    <message>
        <source>Name of the migration (lowercase letters, digits, _; empty: derived from the changes):</source>
        <translation>Name der Migration (Kleinbuchstaben, Ziffern, _; leer: aus den Änderungen abgeleitet):</translation>
    </message>
    <message>
        <source>Could not create the migration.
%1</source>
        <translation>Die Migration konnte nicht erstellt werden.
%1</translation>
    </message>
    <message>
        <source>nothing to write: the migration history already matches the desired schema</source>
        <translation>nichts zu schreiben: die Migrationshistorie entspricht bereits dem Soll-Schema</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>No migration written.</source>
        <translation>Keine Migration geschrieben.</translation>
    </message>
    <message>
        <source>Review the migration before it is written.</source>
        <translation>Prüfen Sie die Migration, bevor sie geschrieben wird.</translation>
    </message>
    <message>
        <source>the project is gone; open it again</source>
        <translation>das Projekt ist nicht mehr da; öffnen Sie es erneut</translation>
    </message>
    <message>
        <source>Writing the next migration…</source>
        <translation>Schreibe die nächste Migration…</translation>
    </message>
</context>
<context>
    <name>covet::CreateMigrationDialog</name>
    <message>
        <source>Write %1?</source>
        <translation>%1 schreiben?</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; will hold %n operation(s).&lt;/p&gt;&lt;p&gt;A migration is computed against the &lt;b&gt;migration history&lt;/b&gt; (the migrations directory), not against the database the Diff compared.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; wird %n Operation enthalten.&lt;/p&gt;&lt;p&gt;Eine Migration wird gegen die &lt;b&gt;Migrationshistorie&lt;/b&gt; (das Migrationsverzeichnis) berechnet, nicht gegen die Datenbank, mit der der Vergleich lief.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; wird %n Operationen enthalten.&lt;/p&gt;&lt;p&gt;Eine Migration wird gegen die &lt;b&gt;Migrationshistorie&lt;/b&gt; (das Migrationsverzeichnis) berechnet, nicht gegen die Datenbank, mit der der Vergleich lief.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not in the Diff&apos;s change list)</source>
        <translation>%1 (nicht in der Änderungsliste des Vergleichs)</translation>
    </message>
    <message>
        <source>This differs from the Diff&apos;s change list against %1.</source>
        <translation>Das weicht von der Änderungsliste des Vergleichs mit %1 ab.</translation>
    </message>
    <message numerus="yes">
        <source>The history has %n pending migration(s) not yet applied to this database; the new migration comes after them.</source>
        <translation>
            <numerusform>Die Historie hat %n ausstehende Migration, die auf diese Datenbank noch nicht angewendet ist; die neue Migration folgt danach.</numerusform>
            <numerusform>Die Historie hat %n ausstehende Migrationen, die auf diese Datenbank noch nicht angewendet sind; die neue Migration folgt danach.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) marked above are not in the Diff&apos;s change list.</source>
        <translation>
            <numerusform>%n oben markierte Operation steht nicht in der Änderungsliste des Vergleichs.</numerusform>
            <numerusform>%n oben markierte Operationen stehen nicht in der Änderungsliste des Vergleichs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in this migration (the history already has them): %1</source>
        <translation>Nicht in dieser Migration (die Historie enthält sie schon): %1</translation>
    </message>
    <message numerus="yes">
        <source>The history has %n pending migration(s) not yet applied to this database.</source>
        <translation>
            <numerusform>Die Historie hat %n ausstehende Migration, die auf diese Datenbank noch nicht angewendet ist.</numerusform>
            <numerusform>Die Historie hat %n ausstehende Migrationen, die auf diese Datenbank noch nicht angewendet sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write Migration</source>
        <translation>Migration schreiben</translation>
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
    <name>covet::DiffSourceBar</name>
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
        <source>Compared with the database&apos;s schema as read at %1; View &gt; Reload Schema reads it again.</source>
        <translation>Verglichen mit dem um %1 gelesenen Schema der Datenbank; Ansicht &gt; Schema neu laden liest es erneut.</translation>
    </message>
    <message>
        <source>Compared with the database&apos;s schema as read just now.</source>
        <translation>Verglichen mit dem soeben gelesenen Schema der Datenbank.</translation>
    </message>
</context>
<context>
    <name>covet::DryRunPane</name>
    <message>
        <source>Running the dry run…</source>
        <translation>Der Probelauf läuft…</translation>
    </message>
    <message>
        <source>-- Nothing to roll back: the rollback would run no SQL.
</source>
        <translation>-- Nichts zurückzurollen: Das Zurückrollen würde kein SQL ausführen.
</translation>
    </message>
    <message>
        <source>-- Nothing is pending: Apply would run no SQL.
</source>
        <translation>-- Nichts ausstehend: Anwenden würde kein SQL ausführen.
</translation>
    </message>
    <message>
        <source>The dry run was cancelled. Nothing was changed.</source>
        <translation>Der Probelauf wurde abgebrochen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>
Failing statement: %1</source>
        <translation>
Fehlgeschlagene Anweisung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Executed in a transaction that was rolled back: the rollback of %n migration(s) ran without an error. Nothing was changed.</source>
        <translation>
            <numerusform>In einer Transaktion ausgeführt, die zurückgerollt wurde: Das Zurückrollen von %n Migration lief ohne Fehler. Nichts wurde geändert.</numerusform>
            <numerusform>In einer Transaktion ausgeführt, die zurückgerollt wurde: Das Zurückrollen von %n Migrationen lief ohne Fehler. Nichts wurde geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Executed in a transaction that was rolled back: the SQL of %n pending migration(s) ran without an error. Nothing was changed.</source>
        <translation>
            <numerusform>In einer Transaktion ausgeführt, die zurückgerollt wurde: Das SQL von %n ausstehenden Migration lief ohne Fehler. Nichts wurde geändert.</numerusform>
            <numerusform>In einer Transaktion ausgeführt, die zurückgerollt wurde: Das SQL von %n ausstehenden Migrationen lief ohne Fehler. Nichts wurde geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of the rollback of %n migration(s); it was not executed.</source>
        <translation>
            <numerusform>MySQL/MariaDB schreiben jede DDL-Anweisung sofort fest; ein Probelauf kann daher nur das SQL des Zurückrollens von %n Migration zeigen; es wurde nicht ausgeführt.</numerusform>
            <numerusform>MySQL/MariaDB schreiben jede DDL-Anweisung sofort fest; ein Probelauf kann daher nur das SQL des Zurückrollens von %n Migrationen zeigen; es wurde nicht ausgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of %n pending migration(s); it was not executed.</source>
        <translation>
            <numerusform>MySQL/MariaDB schreiben jede DDL-Anweisung sofort fest; ein Probelauf kann daher nur das SQL von %n ausstehenden Migration zeigen; es wurde nicht ausgeführt.</numerusform>
            <numerusform>MySQL/MariaDB schreiben jede DDL-Anweisung sofort fest; ein Probelauf kann daher nur das SQL von %n ausstehenden Migrationen zeigen; es wurde nicht ausgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SQL of %n migration(s); it was not executed.</source>
        <translation>
            <numerusform>Das SQL von %n Migration; es wurde nicht ausgeführt.</numerusform>
            <numerusform>Das SQL von %n Migrationen; es wurde nicht ausgeführt.</numerusform>
        </translation>
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
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Manage saved connections, test them and connect</source>
        <translation>Gespeicherte Verbindungen verwalten, testen und verbinden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <source>Review, dry-run and apply the project&apos;s pending migrations</source>
        <translation>Die ausstehenden Migrationen des Projekts prüfen, im Probelauf testen und anwenden</translation>
    </message>
    <message>
        <source>The new language takes effect when Covet Studio starts again.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Covet Studio wirksam.</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Rollback Desk</source>
        <translation>&amp;Rollback-Arbeitsplatz</translation>
    </message>
    <message>
        <source>Roll migrations back step by step: risk, backup, dry run, rollback, verification</source>
        <translation>Migrationen Schritt für Schritt zurückrollen: Risiko, Sicherung, Probelauf, Zurückrollen, Prüfung</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sicherungen</translation>
    </message>
    <message>
        <source>Verify, restore and drop the backups Covet took before data was destroyed</source>
        <translation>Die Sicherungen prüfen, wiederherstellen und löschen, die Covet anlegte, bevor Daten zerstört wurden</translation>
    </message>
    <message>
        <source>S&amp;tart Page</source>
        <translation>S&amp;tartseite</translation>
    </message>
    <message>
        <source>Open a project, connect to a database, open the demo or a recent project</source>
        <translation>Ein Projekt öffnen, mit einer Datenbank verbinden, die Demo oder ein zuletzt benutztes Projekt öffnen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <source>Every execution: history, chain verification, dashboard, compliance reports</source>
        <translation>Jede Ausführung: Historie, Prüfung der Kette, Dashboard, Compliance-Berichte</translation>
    </message>
</context>
<context>
    <name>covet::MigrationDetails</name>
    <message>
        <source>Select a migration to see its SQL.</source>
        <translation>Eine Migration auswählen, um ihr SQL zu sehen.</translation>
    </message>
    <message>
        <source>Rollback SQL</source>
        <translation>Rollback-SQL</translation>
    </message>
    <message>
        <source>Show the SQL that rolls the migration back instead of the SQL that applies it</source>
        <translation>Statt des SQL, das die Migration anwendet, das SQL zeigen, das sie zurückrollt</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Dry Run shows the SQL Apply would run and, on PostgreSQL and SQLite, executes it in a transaction that is then rolled back: nothing changes.</source>
        <translation>„Probelauf“ zeigt das SQL, das „Anwenden“ ausführen würde, und führt es unter PostgreSQL und SQLite in einer Transaktion aus, die danach zurückgerollt wird: nichts wird verändert.</translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>%1 · %2 · rollback SQL</source>
        <translation>%1 · %2 · Rollback-SQL</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>file removed after the squash, replaced by %1</source>
        <translation>Datei nach dem Zusammenfassen entfernt, ersetzt durch %1</translation>
    </message>
    <message>
        <source>%1 · %2 · rollback SQL, the run that stopped part-way</source>
        <translation>%1 · %2 · Rollback-SQL, der Lauf, der teilweise ausgeführt anhielt</translation>
    </message>
    <message>
        <source>%1 · %2 · apply SQL (the run that stopped part-way is the rollback)</source>
        <translation>%1 · %2 · Anwendungs-SQL (der teilweise ausgeführte Lauf ist der Rollback)</translation>
    </message>
</context>
<context>
    <name>covet::MigrationErrorDialog</name>
    <message>
        <source>Dry run failed</source>
        <translation>Probelauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation>Migration fehlgeschlagen</translation>
    </message>
    <message>
        <source>The dry run of %1 failed</source>
        <translation>Der Probelauf von %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Applying %1 failed</source>
        <translation>Das Anwenden von %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The dry run could not start</source>
        <translation>Der Probelauf konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>The migrations could not be applied</source>
        <translation>Die Migrationen konnten nicht angewendet werden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Migration:</source>
        <translation>Migration:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operation:</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>%1 (environment %2)</source>
        <translation>%1 (Umgebung %2)</translation>
    </message>
    <message>
        <source>Failing statement</source>
        <translation>Fehlgeschlagene Anweisung</translation>
    </message>
    <message>
        <source>Reading the migration history again…</source>
        <translation>Lese die Migrationshistorie erneut…</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>State of the database</source>
        <translation>Zustand der Datenbank</translation>
    </message>
</context>
<context>
    <name>covet::MigrationListModel</name>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 was applied on %2 by %3 in %4.</source>
        <translation>%1 wurde am %2 von %3 in %4 angewendet.</translation>
    </message>
    <message>
        <source>%1 is not applied yet (%2).</source>
        <translation>%1 ist noch nicht angewendet (%2).</translation>
    </message>
    <message>
        <source>%1 was changed after it was applied: the history recorded checksum %2, the file now has %3. Restore the file; a change belongs in a new migration.</source>
        <translation>%1 wurde nach dem Anwenden geändert: die Historie verzeichnet die Prüfsumme %2, die Datei hat jetzt %3. Stellen Sie die Datei wieder her; eine Änderung gehört in eine neue Migration.</translation>
    </message>
    <message>
        <source>%1 is recorded as applied but its file is missing from the migrations directory.</source>
        <translation>%1 ist als angewendet verzeichnet, aber die Datei fehlt im Migrationsverzeichnis.</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>Angewendet von</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Risk: none found%1.</source>
        <translation>Risiko: keins gefunden%1.</translation>
    </message>
    <message>
        <source> (graded by the live data)</source>
        <translation> (nach den Live-Daten bewertet)</translation>
    </message>
    <message>
        <source>Risk: %1 — %2</source>
        <translation>Risiko: %1 — %2</translation>
    </message>
    <message>
        <source>
Acknowledged: %1</source>
        <translation>
Bestätigt: %1</translation>
    </message>
    <message numerus="yes">
        <source>
%n more finding(s): see the Risk tab.</source>
        <translation>
            <numerusform>
%n weiterer Befund: siehe Reiter „Risiko“.</numerusform>
            <numerusform>
%n weitere Befunde: siehe Reiter „Risiko“.</numerusform>
        </translation>
    </message>
    <message>
        <source>part-way</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1
Squashed migration: %2</source>
        <translation>%1
Zusammengefasste Migration: %2</translation>
    </message>
    <message>
        <source>%1 (squashed)</source>
        <translation>%1 (zusammengefasst)</translation>
    </message>
    <message>
        <source>%1 is part-way.</source>
        <translation>%1 ist teilweise ausgeführt.</translation>
    </message>
    <message>
        <source>%1 (replaced)</source>
        <translation>%1 (ersetzt)</translation>
    </message>
    <message>
        <source>%1: %2.
%3
How to finish or undo it: %4 (the buttons over its SQL do the same).</source>
        <translation>%1: %2.
%3
So wird sie abgeschlossen oder rückgängig gemacht: %4 (die Schaltflächen über ihrem SQL tun dasselbe).</translation>
    </message>
</context>
<context>
    <name>covet::MigrationRunController</name>
    <message>
        <source>Not applied: it was not confirmed.</source>
        <translation>Nicht angewendet: Es wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>every pending migration</source>
        <translation>alle ausstehenden Migrationen</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>%1 (environment %2)</source>
        <translation>%1 (Umgebung %2)</translation>
    </message>
    <message>
        <source>Dry run of %1 on %2</source>
        <translation>Probelauf auf %2: %1</translation>
    </message>
    <message>
        <source>Applying %1 to %2</source>
        <translation>Anwenden auf %2: %1</translation>
    </message>
    <message>
        <source>Cancelling: Covet stops before the next operation; a migration in progress is rolled back and stays pending; finished migrations stay applied.</source>
        <translation>Abbruch: Covet hält vor der nächsten Operation an; eine laufende Migration wird zurückgerollt und bleibt ausstehend; fertige Migrationen bleiben angewendet.</translation>
    </message>
    <message>
        <source>Nothing to apply: the database is up to date.</source>
        <translation>Nichts anzuwenden: die Datenbank ist auf dem neuesten Stand.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s): %1</source>
        <translation>
            <numerusform>%n Migration angewendet: %1</numerusform>
            <numerusform>%n Migrationen angewendet: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Resuming the part-way migration on %1 as `covet rollback --resume`</source>
        <translation>Die teilweise ausgeführte Migration auf %1 wird wie mit `covet rollback --resume` fortgesetzt</translation>
    </message>
    <message>
        <source>Resuming the part-way migration on %1 as `covet migrate --resume`</source>
        <translation>Die teilweise ausgeführte Migration auf %1 wird wie mit `covet migrate --resume` fortgesetzt</translation>
    </message>
    <message>
        <source>Done: the part-way migration is settled as `covet rollback --resume` settles it.</source>
        <translation>Fertig: Die teilweise ausgeführte Migration ist so abgeschlossen, wie `covet rollback --resume` sie abschließt.</translation>
    </message>
</context>
<context>
    <name>covet::MigrationRunPanel</name>
    <message>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Apply or dry-run pending migrations; their progress and log appear here.</source>
        <translation>Ausstehende Migrationen anwenden oder im Probelauf testen; Fortschritt und Protokoll erscheinen hier.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n migration(s)</source>
        <translation>
            <numerusform>%1 von %n Migration</numerusform>
            <numerusform>%1 von %n Migrationen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation>%1: startet</translation>
    </message>
    <message>
        <source>%1: operation %2 of %3: %4</source>
        <translation>%1: Operation %2 von %3: %4</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stop before the next operation; a migration in progress is rolled back and stays pending, finished migrations stay applied</source>
        <translation>Vor der nächsten Operation anhalten; eine laufende Migration wird zurückgerollt und bleibt ausstehend, fertige Migrationen bleiben angewendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n migration(s) done, %2</source>
        <translation>
            <numerusform>%1 von %n Migration erledigt, %2</numerusform>
            <numerusform>%1 von %n Migrationen erledigt, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>covet::MigrationStateNote</name>
    <message>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;How to finish or undo it:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;So wird sie abgeschlossen oder rückgängig gemacht:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>the listing is not read yet</source>
        <translation>die Liste ist noch nicht gelesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Squashed:&lt;/b&gt; %1 %2.</source>
        <translation>&lt;b&gt;Zusammengefasst:&lt;/b&gt; %1 %2.</translation>
    </message>
    <message>
        <source>&lt;br&gt;There is no file to show. The history records it as applied on %1 by %2 in %3, with checksum %4.</source>
        <translation>&lt;br&gt;Es gibt keine Datei zum Anzeigen. Der Verlauf verzeichnet sie als angewendet am %1 von %2 in %3, mit Prüfsumme %4.</translation>
    </message>
    <message>
        <source>As `covet migrate --resume`, which %1</source>
        <translation>Wie `covet migrate --resume`, das %1</translation>
    </message>
    <message>
        <source>As `covet rollback --resume`, which %1</source>
        <translation>Wie `covet rollback --resume`, das %1</translation>
    </message>
    <message>
        <source>Re-apply</source>
        <translation>Erneut anwenden</translation>
    </message>
    <message>
        <source>Finish rollback</source>
        <translation>Zurückrollen abschließen</translation>
    </message>
    <message>
        <source>Covet cannot run `covet migrate --resume` now: %1</source>
        <translation>Covet kann `covet migrate --resume` jetzt nicht ausführen: %1</translation>
    </message>
    <message>
        <source>Covet cannot run `covet rollback --resume` now: %1</source>
        <translation>Covet kann `covet rollback --resume` jetzt nicht ausführen: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Here, &lt;b&gt;%1&lt;/b&gt; runs `covet migrate --resume` and &lt;b&gt;%2&lt;/b&gt; runs `covet rollback --resume`.</source>
        <translation>&lt;br&gt;Hier führt &lt;b&gt;%1&lt;/b&gt; `covet migrate --resume` aus und &lt;b&gt;%2&lt;/b&gt; `covet rollback --resume`.</translation>
    </message>
</context>
<context>
    <name>covet::MigrationsHeader</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the migration history of the database again</source>
        <translation>Die Migrationshistorie der Datenbank erneut lesen</translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Show the SQL Apply would run and, on PostgreSQL and SQLite, execute it in a transaction that is rolled back</source>
        <translation>Das SQL zeigen, das „Anwenden“ ausführen würde, und es unter PostgreSQL und SQLite in einer Transaktion ausführen, die zurückgerollt wird</translation>
    </message>
    <message>
        <source>Dry Run to Here</source>
        <translation>Probelauf bis hier</translation>
    </message>
    <message>
        <source>Dry-run the pending migrations up to and including the selected one</source>
        <translation>Probelauf der ausstehenden Migrationen bis einschließlich der gewählten</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Generalprobe</translation>
    </message>
    <message>
        <source>Apply, roll back and apply again each pending migration, checking the schema after each, without changing the database: does every rollback restore what its migration changed?</source>
        <translation>Jede ausstehende Migration anwenden, zurückrollen und erneut anwenden, das Schema nach jedem Schritt prüfen, ohne die Datenbank zu verändern: stellt jedes Zurückrollen wieder her, was seine Migration geändert hat?</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation>Alle ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <source>Apply to Here</source>
        <translation>Bis hier anwenden</translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including the selected one</source>
        <translation>Die ausstehenden Migrationen bis einschließlich der gewählten anwenden</translation>
    </message>
    <message>
        <source>Roll Back to Here…</source>
        <translation>Bis hierher zurückrollen…</translation>
    </message>
    <message>
        <source>Open the rollback desk to roll back every migration applied after the selected one</source>
        <translation>Den Rollback-Arbeitsplatz öffnen, um jede nach der gewählten angewendete Migration zurückzurollen</translation>
    </message>
    <message>
        <source>Resolve the conflict shown above first</source>
        <translation>Lösen Sie zuerst den oben gezeigten Konflikt</translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including %1</source>
        <translation>Die ausstehenden Migrationen bis einschließlich %1 anwenden</translation>
    </message>
    <message>
        <source>Select a pending migration to apply the migrations up to it</source>
        <translation>Eine ausstehende Migration auswählen, um die Migrationen bis zu ihr anzuwenden</translation>
    </message>
    <message>
        <source>Squash…</source>
        <translation>Zusammenfassen…</translation>
    </message>
    <message>
        <source>Open a project and its database to squash its migrations</source>
        <translation>Ein Projekt und seine Datenbank öffnen, um seine Migrationen zusammenzufassen</translation>
    </message>
    <message>
        <source>Squashing is turned off in covet.yaml (squashing: {enabled: false})</source>
        <translation>Das Zusammenfassen ist in covet.yaml ausgeschaltet (squashing: {enabled: false})</translation>
    </message>
    <message>
        <source>Squashing needs at least two migrations</source>
        <translation>Zum Zusammenfassen braucht es mindestens zwei Migrationen</translation>
    </message>
    <message>
        <source>Squash a range of migrations into one, proven to give the same schema</source>
        <translation>Einen Bereich von Migrationen zu einer zusammenfassen, nachweislich mit demselben Schema</translation>
    </message>
    <message>
        <source>Finish or undo the part-way migration first (select it): %1</source>
        <translation>Schließen Sie zuerst die teilweise ausgeführte Migration ab oder machen Sie sie rückgängig (wählen Sie sie aus): %1</translation>
    </message>
</context>
<context>
    <name>covet::MigrationsView</name>
    <message>
        <source>The project names no usable database: %1</source>
        <translation>Das Projekt nennt keine nutzbare Datenbank: %1</translation>
    </message>
    <message>
        <source>History of %1: %2</source>
        <translation>Historie von %1: %2</translation>
    </message>
    <message>
        <source>The history now records: %1.</source>
        <translation>Die Historie verzeichnet jetzt: %1.</translation>
    </message>
    <message>
        <source>Cannot read the migrations of %1: %2</source>
        <translation>Die Migrationen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The history could not be read again: %1</source>
        <translation>Die Historie konnte nicht erneut gelesen werden: %1</translation>
    </message>
    <message>
        <source>Copy SQL</source>
        <translation>SQL kopieren</translation>
    </message>
    <message>
        <source>Open a project (a directory with covet.yaml) to see its migrations.</source>
        <translation>Ein Projekt (ein Verzeichnis mit covet.yaml) öffnen, um seine Migrationen zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Umgebung &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Migrations in %1</source>
        <translation>Migrationen in %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>Rehearsal passed: every pending migration rolls back to where it started.</source>
        <translation>Generalprobe bestanden: jede ausstehende Migration rollt dorthin zurück, wo sie begann.</translation>
    </message>
    <message>
        <source>Rehearsal did not pass: see the Dry Run tab.</source>
        <translation>Generalprobe nicht bestanden: siehe Reiter „Probelauf“.</translation>
    </message>
    <message>
        <source>Rehearsing every pending migration on %1…</source>
        <translation>Generalprobe aller ausstehenden Migrationen auf %1…</translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation> · Umgebung &lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>(asks for confirmation)</source>
        <translation>(verlangt Bestätigung)</translation>
    </message>
    <message>
        <source>Squashed migration %1 written.</source>
        <translation>Zusammengefasste Migration %1 geschrieben.</translation>
    </message>
    <message>
        <source>it is not part-way</source>
        <translation>sie ist nicht teilweise ausgeführt</translation>
    </message>
    <message>
        <source>Rehearsal: nothing runs, nothing to rehearse.</source>
        <translation>Generalprobe: Nichts wird ausgeführt, nichts zu proben.</translation>
    </message>
</context>
<context>
    <name>covet::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>User interface</source>
        <translation>Benutzeroberfläche</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The new language takes effect when Covet Studio starts again.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Covet Studio wirksam.</translation>
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
    <name>covet::RenameReviewPane</name>
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
        <translation>Schwellenwert:</translation>
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
</context>
<context>
    <name>covet::RestoreDialog</name>
    <message>
        <source>Restore backup(s) %1</source>
        <translation>Sicherung(en) %1 wiederherstellen</translation>
    </message>
    <message>
        <source>The environment &lt;b&gt;%1&lt;/b&gt; asks for confirmation: type its name to restore:</source>
        <translation>Die Umgebung &lt;b&gt;%1&lt;/b&gt; verlangt eine Bestätigung: Geben Sie ihren Namen ein, um wiederherzustellen:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring: %1</source>
        <translation>Wiederherstellung: %1</translation>
    </message>
    <message>
        <source>Reading what restoring %1 would write…</source>
        <translation>Es wird gelesen, was das Wiederherstellen von %1 schreiben würde…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Backup %1:</source>
        <translation>Sicherung %1:</translation>
    </message>
    <message>
        <source>Cancelled: %1. Backup %2 was not written.</source>
        <translation>Abgebrochen: %1. Sicherung %2 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Backup %1 cannot be restored now: %2</source>
        <translation>Sicherung %1 kann jetzt nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>The restore of backup %1 failed and wrote nothing: %2</source>
        <translation>Die Wiederherstellung von Sicherung %1 schlug fehl und schrieb nichts: %2</translation>
    </message>
    <message>
        <source>Restoring writes the following, each backup in one transaction verified by checksum:</source>
        <translation>Das Wiederherstellen schreibt Folgendes, jede Sicherung in einer Transaktion, per Prüfsumme geprüft:</translation>
    </message>
    <message>
        <source>Restored %1; every table&apos;s checksum matches.</source>
        <translation>%1 wiederhergestellt; die Prüfsumme jeder Tabelle stimmt.</translation>
    </message>
    <message>
        <source>The restore found differences (below).</source>
        <translation>Die Wiederherstellung fand Abweichungen (unten).</translation>
    </message>
</context>
<context>
    <name>covet::RiskPanel</name>
    <message>
        <source>All pending migrations</source>
        <translation>Alle ausstehenden Migrationen</translation>
    </message>
    <message>
        <source>Show the risk of every pending migration instead of the selected one</source>
        <translation>Das Risiko aller ausstehenden Migrationen statt nur der gewählten zeigen</translation>
    </message>
    <message>
        <source>No risk report yet.</source>
        <translation>Noch kein Risikobericht.</translation>
    </message>
    <message>
        <source>Nothing is pending.</source>
        <translation>Nichts ist ausstehend.</translation>
    </message>
    <message>
        <source>No risk report: %1</source>
        <translation>Kein Risikobericht: %1</translation>
    </message>
    <message>
        <source>Every pending migration</source>
        <translation>Alle ausstehenden Migrationen</translation>
    </message>
    <message numerus="yes">
        <source>graded by the live data (%n statement(s))</source>
        <translation>
            <numerusform>nach den Live-Daten bewertet (%n Anweisung)</numerusform>
            <numerusform>nach den Live-Daten bewertet (%n Anweisungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>not graded by live data: counts unknown</source>
        <translation>nicht nach Live-Daten bewertet: Anzahlen unbekannt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: no risk found, %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: kein Risiko gefunden, %2.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: risk &lt;b&gt;%2&lt;/b&gt; · %n finding(s), %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: Risiko &lt;b&gt;%2&lt;/b&gt; · %n Befund, %3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: Risiko &lt;b&gt;%2&lt;/b&gt; · %n Befunde, %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroys: %1</source>
        <translation>Zerstört: %1</translation>
    </message>
    <message numerus="yes">
        <source>A backup keeps %n table(s) of data at stake before it runs.</source>
        <translation>
            <numerusform>Eine Sicherung bewahrt vorher %n Tabelle mit gefährdeten Daten auf.</numerusform>
            <numerusform>Eine Sicherung bewahrt vorher %n Tabellen mit gefährdeten Daten auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>covet::RiskReportModel</name>
    <message numerus="yes">
        <source>%Ln row(s) lost</source>
        <translation>
            <numerusform>%Ln Zeile verloren</numerusform>
            <numerusform>%Ln Zeilen verloren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s) lost</source>
        <translation>
            <numerusform>%Ln Wert verloren</numerusform>
            <numerusform>%Ln Werte verloren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (of %2 rows)</source>
        <translation>%1 (von %2 Zeilen)</translation>
    </message>
    <message>
        <source>%1 affected of %2 rows</source>
        <translation>%1 betroffen von %2 Zeilen</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Data at stake:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gefährdete Daten:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Foreign-key dependents:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Abhängige über Fremdschlüssel:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Safer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sicherer:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Acknowledged&lt;/b&gt; by the migration: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bestätigt&lt;/b&gt; durch die Migration: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>(kein Grund angegeben)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (acknowledged)</source>
        <translation>%1 (bestätigt)</translation>
    </message>
    <message>
        <source>Operation / finding</source>
        <translation>Operation / Befund</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Data at stake</source>
        <translation>Gefährdete Daten</translation>
    </message>
</context>
<context>
    <name>covet::RollbackDesk</name>
    <message>
        <source>1. Target</source>
        <translation>1. Ziel</translation>
    </message>
    <message>
        <source>2. Risk</source>
        <translation>2. Risiko</translation>
    </message>
    <message>
        <source>3. Backup</source>
        <translation>3. Sicherung</translation>
    </message>
    <message>
        <source>4. Dry run</source>
        <translation>4. Probelauf</translation>
    </message>
    <message>
        <source>5. Roll back</source>
        <translation>5. Zurückrollen</translation>
    </message>
    <message>
        <source>6. Verification</source>
        <translation>6. Prüfung</translation>
    </message>
    <message>
        <source>What the rollback puts at risk</source>
        <translation>Was das Zurückrollen gefährdet</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Cannot read the migrations: %1</source>
        <translation>Die Migrationen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The rollback cannot be planned: %1</source>
        <translation>Das Zurückrollen kann nicht geplant werden: %1</translation>
    </message>
    <message>
        <source>What to roll back</source>
        <translation>Was zurückgerollt wird</translation>
    </message>
    <message>
        <source>Roll back to the selected migration (it stays applied)</source>
        <translation>Bis zur gewählten Migration zurückrollen (sie bleibt angewendet)</translation>
    </message>
    <message>
        <source>Roll back the last</source>
        <translation>Die letzten</translation>
    </message>
    <message>
        <source> migration(s)</source>
        <translation> Migration(en) zurückrollen</translation>
    </message>
    <message>
        <source>Backup of the data the rollback destroys</source>
        <translation>Sicherung der Daten, die das Zurückrollen zerstört</translation>
    </message>
    <message>
        <source>Back up the data at stake before it is destroyed</source>
        <translation>Die gefährdeten Daten sichern, bevor sie zerstört werden</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>The dry run starts when this step opens.</source>
        <translation>Der Probelauf startet, wenn dieser Schritt geöffnet wird.</translation>
    </message>
    <message>
        <source>Run the dry run again</source>
        <translation>Probelauf wiederholen</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurückrollen</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Roll back migrations of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Migrationen von &lt;b&gt;%1&lt;/b&gt; zurückrollen</translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt; (asks for confirmation)</source>
        <translation> · Umgebung &lt;b&gt;%1&lt;/b&gt; (verlangt Bestätigung)</translation>
    </message>
    <message>
        <source> · environment &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Umgebung &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a project (a directory with covet.yaml) to roll its migrations back.</source>
        <translation>Öffnen Sie ein Projekt (ein Verzeichnis mit covet.yaml), um seine Migrationen zurückzurollen.</translation>
    </message>
    <message>
        <source>Nothing is applied: there is nothing to roll back.</source>
        <translation>Nichts ist angewendet: Es gibt nichts zurückzurollen.</translation>
    </message>
    <message>
        <source>The selected migration is the last applied one: choose an earlier one, or a number of migrations.</source>
        <translation>Die gewählte Migration ist die zuletzt angewendete: Wählen Sie eine frühere oder eine Anzahl von Migrationen.</translation>
    </message>
    <message numerus="yes">
        <source>Rolls back %n migration(s), last applied first: %1</source>
        <translation>
            <numerusform>Rollt %n Migration zurück, die zuletzt angewendete zuerst: %1</numerusform>
            <numerusform>Rollt %n Migrationen zurück, die zuletzt angewendete zuerst: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Rolls back %n migration(s): &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Rollt %n Migration zurück: &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Rollt %n Migrationen zurück: &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Destroys: %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zerstört: %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A backup is taken first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vorher wird eine Sicherung angelegt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No backup&lt;/b&gt; is taken: the data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine Sicherung&lt;/b&gt;: Covet kann die Daten nicht wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You will be asked to type a confirmation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie werden gebeten, eine Bestätigung einzugeben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Planning the rollback and counting what it destroys…</source>
        <translation>Das Zurückrollen wird geplant und gezählt, was es zerstört…</translation>
    </message>
    <message>
        <source>Rollback of %1</source>
        <translation>Zurückrollen von %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;This rollback destroys no data: there is nothing to back up.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieses Zurückrollen zerstört keine Daten: Es gibt nichts zu sichern.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;What the rollback destroys, per table:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Was das Zurückrollen zerstört, je Tabelle:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>table &lt;b&gt;%1&lt;/b&gt;: %2 rows</source>
        <translation>Tabelle &lt;b&gt;%1&lt;/b&gt;: %2 Zeilen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;.%2: %3 values</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;.%2: %3 Werte</translation>
    </message>
    <message>
        <source>&lt;p&gt;Covet copies this data into backup tables inside the rollback&apos;s transaction (on MySQL/MariaDB right before it), with a checksum, so the backup holds exactly what is destroyed. Its id appears when the rollback has run, with the progress in the rollback&apos;s log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Covet kopiert diese Daten mit einer Prüfsumme in Sicherungstabellen, innerhalb der Transaktion des Zurückrollens (bei MySQL/MariaDB direkt davor), sodass die Sicherung genau das enthält, was zerstört wird. Ihre Nummer erscheint, wenn das Zurückrollen gelaufen ist; der Fortschritt steht im Protokoll des Zurückrollens.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No backup:&lt;/b&gt; once rolled back, this data cannot be restored by Covet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine Sicherung:&lt;/b&gt; Nach dem Zurückrollen kann Covet diese Daten nicht wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not rolled back: it was not confirmed.</source>
        <translation>Nicht zurückgerollt: Es wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>Rolling back %1 on %2</source>
        <translation>%1 wird auf %2 zurückgerollt</translation>
    </message>
    <message>
        <source>Cancelling: Covet stops before the next operation; a migration in progress is rolled back and stays applied; migrations already rolled back stay rolled back.</source>
        <translation>Abbruch: Covet hält vor der nächsten Operation an; eine laufende Migration wird zurückgesetzt und bleibt angewendet; bereits zurückgerollte Migrationen bleiben zurückgerollt.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back %n migration(s): %1</source>
        <translation>
            <numerusform>%n Migration zurückgerollt: %1</numerusform>
            <numerusform>%n Migrationen zurückgerollt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 taken: %2 rows in %n table(s).</source>
        <translation>
            <numerusform>Sicherung %1 angelegt: %2 Zeilen in %n Tabelle.</numerusform>
            <numerusform>Sicherung %1 angelegt: %2 Zeilen in %n Tabellen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>covet::RollbackVerification</name>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Put the backed-up values back (after migrating forward again, so that their tables and columns exist)</source>
        <translation>Die gesicherten Werte zurückschreiben (nach erneutem Vorwärtsmigrieren, damit ihre Tabellen und Spalten existieren)</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Rolled back: %1</source>
        <translation>Zurückgerollt: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>No verification ran (safety.verify_after_run is off, or the run stopped before it).</source>
        <translation>Keine Prüfung gelaufen (safety.verify_after_run ist aus, oder der Lauf hielt vorher an).</translation>
    </message>
    <message numerus="yes">
        <source>Backup %1: %2 rows of %n table(s), kept in the database.</source>
        <translation>
            <numerusform>Sicherung %1: %2 Zeilen aus %n Tabelle, in der Datenbank aufbewahrt.</numerusform>
            <numerusform>Sicherung %1: %2 Zeilen aus %n Tabellen, in der Datenbank aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolled back and verified: the schema equals the target and the untouched tables kept their row counts.</source>
        <translation>Zurückgerollt und geprüft: Das Schema entspricht dem Ziel, und die unberührten Tabellen behielten ihre Zeilenzahlen.</translation>
    </message>
    <message>
        <source>Rolled back; not verified.</source>
        <translation>Zurückgerollt; nicht geprüft.</translation>
    </message>
    <message>
        <source>Rolled back, but the verification found differences (below).</source>
        <translation>Zurückgerollt, aber die Prüfung fand Abweichungen (unten).</translation>
    </message>
    <message>
        <source>The rollback was cancelled (below: what stays rolled back).</source>
        <translation>Das Zurückrollen wurde abgebrochen (unten: was zurückgerollt bleibt).</translation>
    </message>
    <message>
        <source>The rollback failed (below).</source>
        <translation>Das Zurückrollen schlug fehl (unten).</translation>
    </message>
    <message numerus="yes">
        <source>Backup id(s): %1.</source>
        <translation>
            <numerusform>Sicherungsnummer: %1.</numerusform>
            <numerusform>Sicherungsnummern: %1.</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n matching object(s), collapsed</source>
        <translation>
            <numerusform>%n passendes Objekt, eingeklappt</numerusform>
            <numerusform>%n passende Objekte, eingeklappt</numerusform>
        </translation>
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
    <message>
        <source>Copy the selected SQL, or all of it when nothing is selected</source>
        <translation>Das ausgewählte SQL kopieren, oder alles, wenn nichts ausgewählt ist</translation>
    </message>
</context>
<context>
    <name>covet::SquashDialog</name>
    <message>
        <source>Divergent branches</source>
        <translation>Auseinanderlaufende Zweige</translation>
    </message>
    <message>
        <source>Plain SQL migration</source>
        <translation>Reine SQL-Migration</translation>
    </message>
    <message>
        <source>run_sql barrier</source>
        <translation>run_sql-Schranke</translation>
    </message>
    <message>
        <source>Edited since applied</source>
        <translation>Seit dem Anwenden bearbeitet</translation>
    </message>
    <message>
        <source>Squash Migrations</source>
        <translation>Migrationen zusammenfassen</translation>
    </message>
    <message>
        <source>Leave the newest N migrations of the range as they are</source>
        <translation>Die neuesten N Migrationen des Bereichs unverändert lassen</translation>
    </message>
    <message>
        <source>The squashed migration&apos;s name: lowercase letters, digits and _</source>
        <translation>Der Name der zusammengefassten Migration: Kleinbuchstaben, Ziffern und _</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Plan the squash and prove it, without writing anything</source>
        <translation>Das Zusammenfassen planen und nachweisen, ohne etwas zu schreiben</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>keep newest</source>
        <translation>neueste behalten</translation>
    </message>
    <message>
        <source>&amp;Squash from</source>
        <translation>&amp;Zusammenfassen von</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>The squashed migration:</source>
        <translation>Die zusammengefasste Migration:</translation>
    </message>
    <message>
        <source>Reading the migrations…</source>
        <translation>Die Migrationen werden gelesen…</translation>
    </message>
    <message>
        <source>Preview to plan and prove the squash of this range.</source>
        <translation>„Vorschau“ plant das Zusammenfassen dieses Bereichs und weist es nach.</translation>
    </message>
    <message>
        <source>Planning and proving the squash…</source>
        <translation>Das Zusammenfassen wird geplant und nachgewiesen…</translation>
    </message>
    <message>
        <source>Cannot squash: %1</source>
        <translation>Zusammenfassen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot plan this squash: %1</source>
        <translation>Dieses Zusammenfassen lässt sich nicht planen: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; migrations (%2 … %3): &lt;b&gt;%4&lt;/b&gt; operations before → &lt;b&gt;%5&lt;/b&gt; after, &lt;b&gt;%6%&lt;/b&gt; fewer</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Migrationen (%2 … %3): &lt;b&gt;%4&lt;/b&gt; Operationen vorher → &lt;b&gt;%5&lt;/b&gt; nachher, &lt;b&gt;%6 %&lt;/b&gt; weniger</translation>
    </message>
    <message>
        <source>In-memory replay: proven — the squashed migration gives the same schema as the originals</source>
        <translation>Nachspielen im Speicher: nachgewiesen — die zusammengefasste Migration ergibt dasselbe Schema wie die Originale</translation>
    </message>
    <message>
        <source>In-memory replay: not proven</source>
        <translation>Nachspielen im Speicher: nicht nachgewiesen</translation>
    </message>
    <message>
        <source>Scratch database (%1): proven — applied for real, the inspected schemas are equal</source>
        <translation>Wegwerf-Datenbank (%1): nachgewiesen — wirklich angewendet, die ausgelesenen Schemas sind gleich</translation>
    </message>
    <message>
        <source>Scratch database (%1): not proven</source>
        <translation>Wegwerf-Datenbank (%1): nicht nachgewiesen</translation>
    </message>
    <message>
        <source>Scratch database: not checked (set dev_url in covet.yaml to a scratch server)</source>
        <translation>Wegwerf-Datenbank: nicht geprüft (dev_url in covet.yaml auf einen Wegwerf-Server setzen)</translation>
    </message>
    <message>
        <source>Reversible: its down part gives back the schema before the range</source>
        <translation>Umkehrbar: ihr Rückwärtsteil ergibt wieder das Schema vor dem Bereich</translation>
    </message>
    <message>
        <source>Irreversible: a run_sql has no reverse SQL</source>
        <translation>Nicht umkehrbar: ein run_sql hat kein Rückwärts-SQL</translation>
    </message>
    <message>
        <source>  • %1</source>
        <translation>  • %1</translation>
    </message>
    <message>
        <source>Conflict — %1 (%2): %3</source>
        <translation>Konflikt — %1 (%2): %3</translation>
    </message>
    <message>
        <source>Note — %1 (%2): %3</source>
        <translation>Hinweis — %1 (%2): %3</translation>
    </message>
    <message>
        <source>Write is disabled: %1</source>
        <translation>„Schreiben“ ist gesperrt: %1</translation>
    </message>
    <message>
        <source>a conflict stands in the way (see below)</source>
        <translation>ein Konflikt steht im Weg (siehe unten)</translation>
    </message>
    <message>
        <source>the squashed migration is not proven to equal the originals</source>
        <translation>es ist nicht nachgewiesen, dass die zusammengefasste Migration den Originalen entspricht</translation>
    </message>
    <message>
        <source>Proven and conflict-free: Write adds %1 to the migrations directory.</source>
        <translation>Nachgewiesen und konfliktfrei: „Schreiben“ legt %1 im Migrationsverzeichnis an.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <source>Wrote %1 (replaces %2). The replaced files can be deleted once every database has applied the whole range.</source>
        <translation>%1 geschrieben (ersetzt %2). Die ersetzten Dateien können gelöscht werden, sobald jede Datenbank den ganzen Bereich angewendet hat.</translation>
    </message>
    <message>
        <source>Write the squashed migration; an existing file is never overwritten</source>
        <translation>Die zusammengefasste Migration schreiben; eine vorhandene Datei wird nie überschrieben</translation>
    </message>
    <message>
        <source>The squash is not proven or has a conflict</source>
        <translation>Das Zusammenfassen ist nicht nachgewiesen oder hat einen Konflikt</translation>
    </message>
    <message>
        <source>Preview first: only a proven, conflict-free squash can be written</source>
        <translation>Zuerst „Vorschau“: Nur ein nachgewiesenes, konfliktfreies Zusammenfassen kann geschrieben werden</translation>
    </message>
    <message>
        <source>Squashing is turned off in covet.yaml (squashing: {enabled: false}): nothing can be written.</source>
        <translation>Das Zusammenfassen ist in covet.yaml ausgeschaltet (squashing: {enabled: false}): Es kann nichts geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing to squash: the migration graph holds fewer than two migrations not yet replaced by a squash.</source>
        <translation>Nichts zusammenzufassen: Der Migrationsgraph enthält weniger als zwei Migrationen, die noch nicht durch eine Zusammenfassung ersetzt sind.</translation>
    </message>
</context>
<context>
    <name>covet::StartPage</name>
    <message>
        <source>Covet Studio</source>
        <translation>Covet Studio</translation>
    </message>
    <message>
        <source>Review schema changes of PostgreSQL, MySQL/MariaDB and SQLite databases, dry-run them, then apply them with a history of who did what.</source>
        <translation>Schemaänderungen von PostgreSQL-, MySQL/MariaDB- und SQLite-Datenbanken prüfen, probeweise ausführen und dann anwenden – mit einer Historie, wer was tat.</translation>
    </message>
    <message>
        <source>Open a Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>A directory with covet.yaml and its migrations.</source>
        <translation>Ein Verzeichnis mit covet.yaml und seinen Migrationen.</translation>
    </message>
    <message>
        <source>Connect to a Database…</source>
        <translation>Mit einer Datenbank verbinden…</translation>
    </message>
    <message>
        <source>PostgreSQL, MySQL/MariaDB or SQLite: a saved connection or a new one.</source>
        <translation>PostgreSQL, MySQL/MariaDB oder SQLite: eine gespeicherte oder eine neue Verbindung.</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>A SQLite shop in a new directory: one migration applied, one pending, and a models file with renames to review.</source>
        <translation>Ein SQLite-Shop in einem neuen Verzeichnis: eine Migration angewendet, eine ausstehend, und eine Modelldatei mit Umbenennungen zum Prüfen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt benutzte Projekte</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>Projekte, die Sie öffnen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>Zuletzt benutzte Projekte</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>%1 no longer holds a covet.yaml</source>
        <translation>%1 enthält keine covet.yaml mehr</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove from This List</source>
        <translation>Aus dieser Liste entfernen</translation>
    </message>
</context>
<context>
    <name>covet::TargetController</name>
    <message>
        <source>The database the views work on: an environment of the project or a saved connection</source>
        <translation>Die Datenbank, mit der die Ansichten arbeiten: eine Umgebung des Projekts oder eine gespeicherte Verbindung</translation>
    </message>
    <message>
        <source>Cannot open the project %1: %2</source>
        <translation>Das Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The project %1 names no database: add a &quot;database:&quot; line or an environment to %2.</source>
        <translation>Das Projekt %1 nennt keine Datenbank: fügen Sie %2 eine Zeile „database:“ oder eine Umgebung hinzu.</translation>
    </message>
    <message>
        <source>Cannot use the project&apos;s database: %1</source>
        <translation>Die Datenbank des Projekts kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Cannot use the environment “%1”: %2</source>
        <translation>Die Umgebung „%1“ kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>There is no saved connection named “%1”.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>Cannot use the connection “%1”: %2</source>
        <translation>Die Verbindung „%1“ kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The system keychain did not give the password: %1.</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort nicht geliefert: %1.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>Project: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Projekt: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Project database</source>
        <translation>Projektdatenbank</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>Applying migrations asks for this environment&apos;s name.</source>
        <translation>Das Anwenden von Migrationen verlangt den Namen dieser Umgebung.</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>File &gt; Open Project… opens a directory with covet.yaml</source>
        <translation>Datei &gt; Projekt öffnen… öffnet ein Verzeichnis mit covet.yaml</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>Datenbank wählen</translation>
    </message>
</context>
</TS>
