<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BoundedFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation>ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket)</source>
        <translation>ist keine reguläre Datei (sondern ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>is larger than %1 (%2 bytes)</source>
        <translation>ist größer als %1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>is larger than %1</source>
        <translation>ist größer als %1</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>expected the header &apos;%1&apos;</source>
        <translation>Kopfzeile „%1“ erwartet</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>ein Feld in Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <source>expected 5 fields, found %1</source>
        <translation>5 Felder erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>seconds &apos;%1&apos; is not a number</source>
        <translation>Sekundenwert „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>value &apos;%1&apos; is not a number</source>
        <translation>Wert „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>unit &apos;%1&apos; differs from the series&apos; unit &apos;%2&apos;</source>
        <translation>Einheit „%1“ weicht von der Einheit der Reihe („%2“) ab</translation>
    </message>
</context>
<context>
    <name>ConfigErrorText</name>
    <message>
        <source>must be above zero</source>
        <translation>muss größer als null sein</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>must be a positive multiple of %1, got %2</source>
        <translation>muss ein positives Vielfaches von %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>must be a multiple of %1 and at least the smallest write size (%2), got %3</source>
        <translation>muss ein Vielfaches von %1 und mindestens die kleinste Schreibgröße (%2) sein, erhalten: %3</translation>
    </message>
    <message>
        <source>must be a power of two from %1 to %2, got %3</source>
        <translation>muss eine Zweierpotenz von %1 bis %2 sein, erhalten: %3</translation>
    </message>
    <message>
        <source>must be a power of two of at least %1, got %2</source>
        <translation>muss eine Zweierpotenz von mindestens %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>must be between %1 and %2 writes per second, got %3</source>
        <translation>muss zwischen %1 und %2 Schreibvorgängen pro Sekunde liegen, erhalten: %3</translation>
    </message>
    <message>
        <source>must be in (%1, %2], got %3</source>
        <translation>muss im Intervall (%1, %2] liegen, erhalten: %3</translation>
    </message>
    <message>
        <source>must be between %1 and %2, got %3</source>
        <translation>muss zwischen %1 und %2 liegen, erhalten: %3</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>darf höchstens %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>the bitmap would need %1 bits at this granularity; at most %2 are allowed</source>
        <translation>die Bitmap bräuchte bei dieser Granularität %1 Bits; erlaubt sind höchstens %2</translation>
    </message>
    <message>
        <source>one chunk would cover 2^32 sectors or more, which a BITS record cannot describe; use a smaller chunk or granularity</source>
        <translation>ein Chunk würde 2^32 Sektoren oder mehr abdecken, was ein BITS-Record nicht beschreiben kann; wählen Sie einen kleineren Chunk oder eine kleinere Granularität</translation>
    </message>
    <message>
        <source>must be at least one tick (%1), got %2</source>
        <translation>muss mindestens einen Takt (%1) betragen, erhalten: %2</translation>
    </message>
    <message>
        <source>must be a time of 0 or more, or -1 for a manual start</source>
        <translation>muss eine Zeit ab 0 sein oder -1 für einen manuellen Start</translation>
    </message>
    <message>
        <source>must be a time of 0 or more, or -1 for no retry</source>
        <translation>muss eine Zeit ab 0 sein oder -1, wenn kein neuer Versuch erfolgen soll</translation>
    </message>
    <message>
        <source>%1 is larger than the disk (%2)</source>
        <translation>%1 ist größer als der Datenträger (%2)</translation>
    </message>
    <message>
        <source>%1: the record [%2, +%3) is past the end of the disk (%4)</source>
        <translation>%1: der Eintrag [%2, +%3) reicht über das Ende des Datenträgers (%4) hinaus</translation>
    </message>
    <message>
        <source>the range [%1, +%2) is past the end of the disk (%3)</source>
        <translation>der Bereich [%1, +%2) reicht über das Ende des Datenträgers (%3) hinaus</translation>
    </message>
    <message>
        <source>the trace would last over %1 at this speed</source>
        <translation>der Trace würde bei dieser Geschwindigkeit länger als %1 dauern</translation>
    </message>
    <message>
        <source>the name must be %1 to %2 bytes long</source>
        <translation>der Name muss %1 bis %2 Bytes lang sein</translation>
    </message>
    <message>
        <source>the run needs %1 of memory for its bitmaps, BITMIG_MEMORY_LIMIT allows %2</source>
        <translation>der Lauf braucht %1 Speicher für seine Bitmaps, BITMIG_MEMORY_LIMIT erlaubt %2</translation>
    </message>
    <message>
        <source>the run needs %1 of memory for its bitmaps, this machine has %2 available</source>
        <translation>der Lauf braucht %1 Speicher für seine Bitmaps, dieser Rechner hat %2 frei</translation>
    </message>
    <message>
        <source>; at a granularity of %1 disks up to %2 fit</source>
        <translation>; bei einer Granularität von %1 passen Datenträger bis %2</translation>
    </message>
    <message>
        <source>unknown strategy &quot;%1&quot;</source>
        <translation>unbekannte Strategie „%1“</translation>
    </message>
    <message>
        <source>unknown workload &quot;%1&quot;</source>
        <translation>unbekannte Arbeitslast „%1“</translation>
    </message>
    <message>
        <source>Type a size, such as 4 TiB or 512 MiB.</source>
        <translation>Geben Sie eine Größe ein, etwa 4 TiB oder 512 MiB.</translation>
    </message>
    <message>
        <source>Type a bandwidth, such as 10 Gbit/s or 125 MB/s.</source>
        <translation>Geben Sie eine Bandbreite ein, etwa 10 Gbit/s oder 125 MB/s.</translation>
    </message>
    <message>
        <source>Type a duration, such as 300 ms or 1.5 s.</source>
        <translation>Geben Sie eine Dauer ein, etwa 300 ms oder 1.5 s.</translation>
    </message>
    <message>
        <source>Type a number, such as 4000 or 1.5k.</source>
        <translation>Geben Sie eine Zahl ein, etwa 4000 oder 1.5k.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long (at most 2^63 - 1 ns).</source>
        <translation>„%1“ ist zu lang (höchstens 2^63 - 1 ns).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large.</source>
        <translation>„%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has too many decimal places.</source>
        <translation>„%1“ hat zu viele Nachkommastellen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown size unit &apos;%2&apos; (use B, K, M, G, T or P; binary).</source>
        <translation>„%1“ hat eine unbekannte Größeneinheit „%2“ (B, K, M, G, T oder P verwenden; binär).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown bandwidth unit &apos;%2&apos; (use bits as Mbit, Gbit or Gbps, bytes as MB/s, GB/s or MiB/s, or a bare number of bytes per second; b is a bit, B a byte).</source>
        <translation>„%1“ hat eine unbekannte Bandbreiten-Einheit „%2“ (Bits als Mbit, Gbit oder Gbps, Bytes als MB/s, GB/s oder MiB/s, oder eine bloße Zahl von Bytes pro Sekunde; b ist ein Bit, B ein Byte).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown suffix &apos;%2&apos; (use k, M or G).</source>
        <translation>„%1“ hat eine unbekannte Endung „%2“ (k, M oder G verwenden).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of nanoseconds.</source>
        <translation>„%1“ ist keine ganze Zahl von Nanosekunden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of bytes.</source>
        <translation>„%1“ ist keine ganze Zahl von Bytes.</translation>
    </message>
    <message>
        <source>The bandwidth must be above zero (got &apos;%1&apos;).</source>
        <translation>Die Bandbreite muss größer als null sein (erhalten: „%1“).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size (it must start with a digit).</source>
        <translation>„%1“ ist keine Größe (sie muss mit einer Ziffer beginnen).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bandwidth (it must start with a digit).</source>
        <translation>„%1“ ist keine Bandbreite (sie muss mit einer Ziffer beginnen).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration (it must start with a digit).</source>
        <translation>„%1“ ist keine Dauer (sie muss mit einer Ziffer beginnen).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (it must start with a digit).</source>
        <translation>„%1“ ist keine Zahl (sie muss mit einer Ziffer beginnen).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size.</source>
        <translation>„%1“ ist keine Größe.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bandwidth.</source>
        <translation>„%1“ ist keine Bandbreite.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration.</source>
        <translation>„%1“ ist keine Dauer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is named twice</source>
        <translation>&quot;%1&quot; wird zweimal genannt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown time unit &apos;%2&apos; (use ns, µs or us, ms, s or min).</source>
        <translation>„%1“ hat eine unbekannte Zeiteinheit „%2“ (ns, µs oder us, ms, s oder min verwenden).</translation>
    </message>
</context>
<context>
    <name>HowItWorksPanel</name>
    <message>
        <source>The dirty bitmap</source>
        <translation>Die Dirty-Bitmap</translation>
    </message>
    <message>
        <source>Every guest write marks the bits of the disk areas it touched, one bit per granule (64 KiB by default). The top heatmap shows it: brighter cells hold more dirty bits. Backup tools read it to copy only what changed, so it must reach the destination intact.</source>
        <translation>Jeder Schreibvorgang des Gasts markiert die Bits der berührten Datenträgerbereiche, ein Bit pro Granularitätseinheit (standardmäßig 64 KiB). Die obere Heatmap zeigt sie: Hellere Zellen enthalten mehr Dirty-Bits. Backup-Werkzeuge lesen sie, um nur Geändertes zu kopieren; deshalb muss sie unversehrt am Ziel ankommen.</translation>
    </message>
    <message>
        <source>The meta bitmap</source>
        <translation>Die Meta-Bitmap</translation>
    </message>
    <message>
        <source>A bitmap of the bitmap: one bit per chunk of serialized bitmap. It lights up when any bit of its chunk changes, set or cleared, and goes dark when the chunk is sent. Its cells line up with the disk area their chunk describes.</source>
        <translation>Eine Bitmap der Bitmap: ein Bit pro Chunk der serialisierten Bitmap. Es leuchtet auf, sobald sich irgendein Bit seines Chunks ändert (gesetzt oder gelöscht), und erlischt, wenn der Chunk gesendet wird. Ihre Zellen sind an dem Datenträgerbereich ausgerichtet, den der jeweilige Chunk beschreibt.</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>The source sends a START record naming the device and the bitmap with its granularity, so the destination can create an empty bitmap of the same shape.</source>
        <translation>Die Quelle sendet einen START-Datensatz, der das Gerät und die Bitmap samt Granularität nennt, damit das Ziel eine leere Bitmap derselben Form anlegen kann.</translation>
    </message>
    <message>
        <source>Bulk pass</source>
        <translation>Grunddurchlauf</translation>
    </message>
    <message>
        <source>Every chunk is sent once, in disk order, while the guest keeps running; an all-zero chunk goes as a short ZEROES record. Writes behind the moving cursor re-dirty chunks that were already sent: their meta bits light up again.</source>
        <translation>Jeder Chunk wird einmal in Datenträgerreihenfolge gesendet, während der Gast weiterläuft; ein Chunk nur aus Nullen geht als kurzer ZEROES-Datensatz. Schreibvorgänge hinter dem wandernden Cursor machen bereits gesendete Chunks wieder dirty: Ihre Meta-Bits leuchten erneut auf.</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>The guest is paused, the remaining dirty chunks and a COMPLETE record are sent. This time is the downtime the guest sees; the expected downtime was checked against the limit before pausing.</source>
        <translation>Der Gast wird angehalten, die restlichen Dirty-Chunks und ein COMPLETE-Datensatz werden gesendet. Diese Zeit ist die Ausfallzeit, die der Gast bemerkt; die erwartete Ausfallzeit wurde vor dem Anhalten mit dem Limit verglichen.</translation>
    </message>
    <message>
        <source>Done and verified</source>
        <translation>Fertig und geprüft</translation>
    </message>
    <message>
        <source>The destination bitmap is compared bit by bit with what the source tracked. A lost bit would be a bug, never a statistic: the summary shows it.</source>
        <translation>Die Ziel-Bitmap wird Bit für Bit mit dem verglichen, was die Quelle erfasst hat. Ein verlorenes Bit wäre ein Fehler, niemals eine Statistik: Die Zusammenfassung zeigt es.</translation>
    </message>
    <message>
        <source>Postcopy instead</source>
        <translation>Stattdessen Postcopy</translation>
    </message>
    <message>
        <source>Stop and copy instead</source>
        <translation>Stattdessen Anhalten und kopieren</translation>
    </message>
    <message>
        <source>Each pass resends the chunks whose meta bit is lit. The migration converges when the bitmap bytes re-dirtied per second stay below the link&apos;s bandwidth, so the pending set shrinks until it fits into bandwidth × maximum downtime. A big chunk makes one write resend a lot; a tiny chunk pays a record header for every few bytes.</source>
        <translation>Jeder Durchlauf sendet die Chunks erneut, deren Meta-Bit leuchtet. Die Migration konvergiert, wenn die pro Sekunde erneut dirty gewordenen Bitmap-Bytes unter der Bandbreite der Verbindung bleiben; dann schrumpft der ausstehende Rest, bis er in Bandbreite × maximale Ausfallzeit passt. Bei einem großen Chunk löst ein einzelner Schreibvorgang viel erneutes Senden aus; ein winziger Chunk zahlt alle paar Bytes einen Datensatz-Header.</translation>
    </message>
    <message>
        <source>The guest moves to the destination at once; its new writes go to a successor bitmap there. The source sends the whole bitmap once and COMPLETE merges the two. No bitmap bytes add to downtime, but the bitmap is unusable until COMPLETE. This is what QEMU does when a migration switches to postcopy.</source>
        <translation>Der Gast wechselt sofort zum Ziel; seine neuen Schreibvorgänge landen dort in einer Nachfolger-Bitmap. Die Quelle sendet die ganze Bitmap einmal, und COMPLETE führt beide zusammen. Kein Bitmap-Byte verlängert die Ausfallzeit, aber bis COMPLETE ist die Bitmap nicht nutzbar. So verfährt QEMU, wenn eine Migration auf Postcopy umschaltet.</translation>
    </message>
    <message>
        <source>The baseline: pause the guest and send the whole bitmap. Simple and exact, but the downtime is the bitmap&apos;s size divided by the bandwidth. It is what QEMU&apos;s precopy does with bitmaps today: every bitmap of every disk goes in the final section, while the guest is paused. The precopy with a meta bitmap shown above is the 2015 proposal, which was never merged.</source>
        <translation>Die Vergleichsbasis: Gast anhalten und die ganze Bitmap senden. Einfach und exakt, aber die Ausfallzeit ist die Größe der Bitmap geteilt durch die Bandbreite. Genau so behandelt QEMUs Precopy Bitmaps heute: Jede Bitmap jedes Laufwerks geht im letzten Abschnitt mit, während der Gast angehalten ist. Das oben gezeigte Precopy mit Meta-Bitmap ist der Vorschlag von 2015, der nie übernommen wurde.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Bitmap Migration Lab</source>
        <translation>Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>Watch and steer the live migration of block dirty bitmaps.</source>
        <translation>Die Live-Migration von Block-Dirty-Bitmaps beobachten und steuern.</translation>
    </message>
    <message>
        <source>Start the simulated clock at once.</source>
        <translation>Die simulierte Uhr sofort starten.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window and quit (see --after).</source>
        <translation>Ein PNG des Hauptfensters speichern und beenden (siehe --after).</translation>
    </message>
    <message>
        <source>Milliseconds of wall time before the screenshot (default 2000).</source>
        <translation>Millisekunden Echtzeit vor dem Bildschirmfoto (Standard: 2000).</translation>
    </message>
    <message>
        <source>Print frame-time percentiles on exit.</source>
        <translation>Beim Beenden Perzentile der Frame-Zeiten ausgeben.</translation>
    </message>
    <message>
        <source>Load a scenario file at start.</source>
        <translation>Beim Start eine Szenariodatei laden.</translation>
    </message>
    <message>
        <source>User-interface language: en, de or ru.</source>
        <translation>Sprache der Oberfläche: en, de oder ru.</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Start with the defaults; neither read nor write saved settings.</source>
        <translation>Mit den Standardwerten starten; gespeicherte Einstellungen weder lesen noch schreiben.</translation>
    </message>
    <message>
        <source>--after: &apos;%1&apos; is not a number of milliseconds</source>
        <translation>--after: „%1“ ist keine Anzahl Millisekunden</translation>
    </message>
    <message>
        <source>--screenshot: the folder of &apos;%1&apos; does not exist</source>
        <translation>--screenshot: Der Ordner von „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>--after: only meaningful with --screenshot</source>
        <translation>--after: nur zusammen mit --screenshot sinnvoll</translation>
    </message>
    <message>
        <source>--lang: &apos;%1&apos; is not one of en, de, ru</source>
        <translation>--lang: „%1“ ist nicht en, de oder ru</translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not one of system, light, dark</source>
        <translation>--theme: „%1“ ist nicht system, light oder dark</translation>
    </message>
    <message>
        <source>--scenario: %1</source>
        <translation>--scenario: %1</translation>
    </message>
    <message>
        <source>--screenshot: cannot write &apos;%1&apos;</source>
        <translation>--screenshot: „%1“ kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second (0.001 to 1000).</source>
        <translation>Simulierte Sekunden pro realer Sekunde (0.001 bis 1000).</translation>
    </message>
    <message>
        <source>--speed: &apos;%1&apos; is not a number from 0.001 to 1000</source>
        <translation>--speed: „%1“ ist keine Zahl von 0.001 bis 1000</translation>
    </message>
</context>
<context>
    <name>QemuFileExport</name>
    <message>
        <source>%1 not written: the run has not completed and verified; a migration file holds a completed migration</source>
        <translation>%1 nicht geschrieben: der Lauf ist nicht abgeschlossen und geprüft; eine Migrationsdatei enthält eine abgeschlossene Migration</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination aborts on %2 B chunks (it deserializes whole 64-bit words: use chunks of 8 B or more)</source>
        <translation>%1 nicht geschrieben: ein QEMU-Ziel bricht bei Chunks von %2 B ab (es deserialisiert ganze 64-Bit-Wörter: Chunks von 8 B oder mehr verwenden)</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination fails the migration: %2 B buffers are above the %3 B its loader accepts (&quot;buffer allocation request is too large&quot;; use chunks of 8 KiB or less)</source>
        <translation>%1 nicht geschrieben: bei einem QEMU-Ziel scheitert die Migration: Puffer von %2 B liegen über den %3 B, die sein Lader annimmt (&quot;buffer allocation request is too large&quot;; Chunks von 8 KiB oder weniger verwenden)</translation>
    </message>
    <message>
        <source>%1 not written: the run on screen differs from a run of its parameters (the brush or a workload change altered it while it ran), and its own stream was not recorded</source>
        <translation>%1 nicht geschrieben: der angezeigte Lauf weicht von einem Lauf mit seinen Parametern ab (der Pinsel oder eine Änderung der Last hat ihn während des Laufs verändert), und sein eigener Datenstrom wurde nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation>%1 nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination refuses it at byte %2: &quot;%3&quot;</source>
        <translation>%1 nicht geschrieben: ein QEMU-Ziel verweigert sie bei Byte %2: &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Szenarien (*.json)</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>einen Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation>unbekannter Schlüssel (meinten Sie „%1“?)</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>a size (a string such as &quot;64K&quot; or a number of bytes)</source>
        <translation>eine Größe (eine Zeichenkette wie &quot;64K&quot; oder eine Anzahl Bytes)</translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation>muss größer als null sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a unit (ns, us, ms, s, min or h); a JSON number is nanoseconds</source>
        <translation>„%1“ braucht eine Einheit (ns, us, ms, s, min oder h); eine JSON-Zahl bedeutet Nanosekunden</translation>
    </message>
    <message>
        <source>a duration (a string such as &quot;300ms&quot; or a number of nanoseconds)</source>
        <translation>eine Dauer (eine Zeichenkette wie &quot;300ms&quot; oder eine Anzahl Nanosekunden)</translation>
    </message>
    <message>
        <source>a size or a range (a string such as &quot;4K..64K&quot; or a number of bytes)</source>
        <translation>eine Größe oder einen Bereich (eine Zeichenkette wie &quot;4K..64K&quot; oder eine Anzahl Bytes)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SIZE or MIN..MAX</source>
        <translation>„%1“ ist weder SIZE noch MIN..MAX</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the maximum is below the minimum</source>
        <translation>„%1“: Das Maximum liegt unter dem Minimum</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a workload (use idle, uniform, sequential, hotspot, zipf or bursts)</source>
        <translation>„%1“ ist keine Arbeitslast (verwenden Sie idle, uniform, sequential, hotspot, zipf oder bursts)</translation>
    </message>
    <message>
        <source>a number of writes per second</source>
        <translation>eine Anzahl Schreibvorgänge pro Sekunde</translation>
    </message>
    <message>
        <source>missing (time, offset and length are required)</source>
        <translation>fehlt (time, offset und length sind Pflichtangaben)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an operation (use write or clear)</source>
        <translation>„%1“ ist keine Operation (verwenden Sie write oder clear)</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>auf oberster Ebene wird ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>missing; a scenario file starts with &quot;format&quot;: &quot;%1&quot;</source>
        <translation>fehlt; eine Szenariodatei beginnt mit &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scenario (expected &quot;%2&quot;)</source>
        <translation>„%1“ ist kein Szenario („%2“ erwartet)</translation>
    </message>
    <message>
        <source>missing; this program writes version %1</source>
        <translation>fehlt; dieses Programm schreibt Version %1</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>version %1 is newer than this program, which reads version %2 and older</source>
        <translation>Version %1 ist neuer als dieses Programm, das Version %2 und ältere liest</translation>
    </message>
    <message>
        <source>version %1 does not exist; versions start at 1</source>
        <translation>Version %1 gibt es nicht; Versionen beginnen bei 1</translation>
    </message>
    <message>
        <source>must be a power of two of at least 512 bytes, got %1</source>
        <translation>muss eine Zweierpotenz von mindestens 512 Bytes sein, erhalten: %1</translation>
    </message>
    <message>
        <source>must be a power of two from 1 B to 1 MiB, got %1</source>
        <translation>muss eine Zweierpotenz von 1 B bis 1 MiB sein, erhalten: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a strategy (use precopy, postcopy or stop-copy)</source>
        <translation>„%1“ ist keine Strategie (verwenden Sie precopy, postcopy oder stop-copy)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from 0 to 2^64 - 1</source>
        <translation>„%1“ ist keine ganze Zahl von 0 bis 2^64 - 1</translation>
    </message>
    <message>
        <source>an object or null</source>
        <translation>ein Objekt oder null</translation>
    </message>
    <message>
        <source>missing (the trace file, relative to the scenario)</source>
        <translation>fehlt (die Trace-Datei, relativ zum Szenario)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>needs version %1 of the format; the file says version %2</source>
        <translation>braucht Version %1 des Formats; die Datei gibt Version %2 an</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>darf höchstens %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>must be at most 2^63 - 1 ns (about 292 years), got %1</source>
        <translation>darf höchstens 2^63 - 1 ns (etwa 292 Jahre) sein, erhalten: %1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>a raw control character (U+%1) inside a string; JSON needs it escaped as \u%1</source>
        <translation>ein unmaskiertes Steuerzeichen (U+%1) in einer Zeichenkette; JSON verlangt es maskiert als \u%1</translation>
    </message>
    <message>
        <source>a raw control character (U+%1) is not JSON</source>
        <translation>ein unmaskiertes Steuerzeichen (U+%1) ist kein JSON</translation>
    </message>
    <message>
        <source>the key appears twice in one object, on line %1 and on line %2 (a reader would silently keep only one)</source>
        <translation>der Schlüssel kommt in einem Objekt zweimal vor, in Zeile %1 und in Zeile %2 (ein Programm, das die Datei liest, behielte stillschweigend nur einen)</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket)</source>
        <translation>ist keine reguläre Datei (sondern ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>an array of times</source>
        <translation>eine Liste von Zeiten</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>ein Array von Objekten</translation>
    </message>
    <message>
        <source>must list at least one</source>
        <translation>muss mindestens einen Eintrag enthalten</translation>
    </message>
    <message>
        <source>missing; every disk names its node</source>
        <translation>fehlt; jede Platte nennt ihren Knoten</translation>
    </message>
    <message>
        <source>missing; every disk gives its size</source>
        <translation>fehlt; jede Platte gibt ihre Größe an</translation>
    </message>
    <message>
        <source>missing; every bitmap names the node of its disk</source>
        <translation>fehlt; jede Bitmap nennt den Knoten ihrer Platte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the node of a disk in &quot;disks&quot;</source>
        <translation>&quot;%1&quot; ist nicht der Knoten einer Platte in &quot;disks&quot;</translation>
    </message>
    <message>
        <source>the bitmaps are listed disk by disk, in the order of &quot;disks&quot;</source>
        <translation>die Bitmaps werden Platte für Platte aufgeführt, in der Reihenfolge von &quot;disks&quot;</translation>
    </message>
    <message>
        <source>missing; every bitmap has a name</source>
        <translation>fehlt; jede Bitmap hat einen Namen</translation>
    </message>
    <message>
        <source>missing; &quot;disks&quot; and &quot;bitmaps&quot; go together</source>
        <translation>fehlt; &quot;disks&quot; und &quot;bitmaps&quot; gehören zusammen</translation>
    </message>
    <message>
        <source>not with &quot;disks&quot; and &quot;bitmaps&quot;, where each disk and bitmap gives its own</source>
        <translation>nicht zusammen mit &quot;disks&quot; und &quot;bitmaps&quot;, wo jede Platte und jede Bitmap ihren eigenen Wert angibt</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>Precopy</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>Postcopy</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>Stop-and-Copy</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>%1-Chunks</translation>
    </message>
    <message>
        <source>%1 granularity</source>
        <translation>Granularität %1</translation>
    </message>
    <message>
        <source>latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <source>max downtime %1</source>
        <translation>max. Ausfallzeit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n passes</source>
        <translation>
            <numerusform>%n Durchlauf</numerusform>
            <numerusform>%n Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>no complete-only threshold</source>
        <translation>keine Schwelle für nur vollständiges Senden</translation>
    </message>
    <message>
        <source>complete below %1</source>
        <translation>vollständig unter %1</translation>
    </message>
    <message>
        <source>Lane %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a comparison has 2 to 4 lanes, got %1</source>
        <translation>ein Vergleich hat 2 bis 4 Spuren, erhalten: %1</translation>
    </message>
    <message>
        <source>not with &quot;disks&quot; and &quot;bitmaps&quot;, where each bitmap gives its own</source>
        <translation>nicht mit &quot;disks&quot; und &quot;bitmaps&quot;, wo jede Bitmap ihre eigene angibt</translation>
    </message>
    <message>
        <source>the %1 lanes together need %2 of memory for their bitmaps, this machine has %3 available</source>
        <translation>die %1 Spuren brauchen zusammen %2 Speicher für ihre Bitmaps, dieser Rechner hat %3 verfügbar</translation>
    </message>
    <message>
        <source>missing (offset and length are required)</source>
        <translation>fehlt (offset und length sind erforderlich)</translation>
    </message>
    <message>
        <source>the range [%1, +%2) is past the end of disk &quot;%3&quot; (%4 bytes)</source>
        <translation>der Bereich [%1, +%2) liegt hinter dem Ende der Platte &quot;%3&quot; (%4 Bytes)</translation>
    </message>
</context>
<context>
    <name>SweepParameters</name>
    <message>
        <source>Chunk size</source>
        <translation>Chunk-Größe</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Granularität</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Write rate</source>
        <translation>Schreibrate</translation>
    </message>
    <message>
        <source>Downtime limit</source>
        <translation>Ausfallzeitgrenze</translation>
    </message>
    <message>
        <source>Migration start</source>
        <translation>Migrationsbeginn</translation>
    </message>
    <message>
        <source>bandwidth (Mbit/s)</source>
        <translation>Bandbreite (Mbit/s)</translation>
    </message>
    <message>
        <source>write rate (writes/s)</source>
        <translation>Schreibrate (Schreibvorgänge/s)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a power of two from %2 to %3</source>
        <translation>„%1“ ist keine Zweierpotenz von %2 bis %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty value</source>
        <translation>„%1“ enthält einen leeren Wert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>chunk size</source>
        <translation>Chunk-Größe</translation>
    </message>
    <message>
        <source>granularity</source>
        <translation>Granularität</translation>
    </message>
    <message>
        <source>downtime limit</source>
        <translation>Ausfallzeitgrenze</translation>
    </message>
    <message>
        <source>migration start</source>
        <translation>Migrationsbeginn</translation>
    </message>
</context>
<context>
    <name>ViewExporter</name>
    <message>
        <source>Exported from Bitmap Migration Lab</source>
        <translation>Exportiert aus Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the name must end in .png or .svg</source>
        <translation>%1 kann nicht geschrieben werden: Der Name muss auf .png oder .svg enden</translation>
    </message>
    <message>
        <source>Cannot write %1: the image could not be encoded</source>
        <translation>%1 kann nicht geschrieben werden: Das Bild konnte nicht kodiert werden</translation>
    </message>
</context>
<context>
    <name>bitmig</name>
    <message>
        <source>one run per chunk size</source>
        <translation>ein Lauf je Chunk-Größe</translation>
    </message>
    <message>
        <source>Convergence map</source>
        <translation>Konvergenzkarte</translation>
    </message>
    <message>
        <source>Convergence map: downtime by chunk size and %1</source>
        <translation>Konvergenzkarte: Ausfallzeit nach Chunk-Größe und %1</translation>
    </message>
    <message>
        <source>colour: downtime against its limit; crossed out: did not converge within the pass cap; thick line: where convergence stops; ring: the current configuration</source>
        <translation>Farbe: Ausfallzeit gegenüber ihrer Grenze; durchgestrichen: innerhalb der Durchlaufgrenze nicht konvergiert; dicke Linie: wo die Konvergenz endet; Ring: die aktuelle Konfiguration</translation>
    </message>
    <message>
        <source>downtime %1 of %2</source>
        <translation>Ausfallzeit %1 von %2</translation>
    </message>
    <message>
        <source>did not converge: %1 dirty passes</source>
        <translation>nicht konvergiert: %1 Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>the current configuration</source>
        <translation>die aktuelle Konfiguration</translation>
    </message>
    <message>
        <source>chunk size</source>
        <translation>Chunk-Größe</translation>
    </message>
    <message>
        <source>at the limit</source>
        <translation>an der Grenze</translation>
    </message>
    <message>
        <source>no downtime</source>
        <translation>keine Ausfallzeit</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>nicht konvergiert</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>ring: current configuration</source>
        <translation>Ring: aktuelle Konfiguration</translation>
    </message>
    <message>
        <source>the current configuration is not on the map</source>
        <translation>die aktuelle Konfiguration liegt nicht auf der Karte</translation>
    </message>
    <message>
        <source>fewest wire bytes among verified and converged points</source>
        <translation>die wenigsten Bytes auf der Leitung unter den verifizierten und konvergierten Punkten</translation>
    </message>
    <message>
        <source>shortest downtime among verified and converged points</source>
        <translation>die kürzeste Ausfallzeit unter den verifizierten und konvergierten Punkten</translation>
    </message>
    <message>
        <source>shortest total time among verified and converged points</source>
        <translation>die kürzeste Gesamtzeit unter den verifizierten und konvergierten Punkten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not I/N (shard I of N, whole numbers, e.g. 2/7)</source>
        <translation>„%1“ ist nicht I/N (Teil I von N, ganze Zahlen, z. B. 2/7)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: N must be from 1 to %2</source>
        <translation>„%1“: N muss zwischen 1 und %2 liegen</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: I must be from 1 to N (%2)</source>
        <translation>„%1“: I muss zwischen 1 und N (%2) liegen</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>sweep.chunks is not a list of chunk sizes</source>
        <translation>sweep.chunks ist keine Liste von Chunk-Größen</translation>
    </message>
    <message>
        <source>sweep.vary needs a name and sweep.varyValues a list of values</source>
        <translation>sweep.vary braucht einen Namen und sweep.varyValues eine Liste von Werten</translation>
    </message>
    <message>
        <source>sweep.varyValues holds a value that is not text</source>
        <translation>sweep.varyValues enthält einen Wert, der kein Text ist</translation>
    </message>
    <message>
        <source>sweep.config is missing</source>
        <translation>sweep.config fehlt</translation>
    </message>
    <message>
        <source>sweep.points does not match its chunks and values</source>
        <translation>sweep.points passt nicht zu den Chunks und Werten</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>kein JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>not a sweep shard (written by bitmig sweep --shard)</source>
        <translation>kein Teil einer Parameterreihe (wie ihn bitmig sweep --shard schreibt)</translation>
    </message>
    <message>
        <source>shard format version %1, this bitmig reads version %2</source>
        <translation>Teildatei im Format Version %1, dieses bitmig liest Version %2</translation>
    </message>
    <message>
        <source>shard %1 of %2 is not a shard I of N with 1 &lt;= I &lt;= N</source>
        <translation>Teil %1 von %2 ist kein Teil I von N mit 1 &lt;= I &lt;= N</translation>
    </message>
    <message>
        <source>sweep is missing</source>
        <translation>sweep fehlt</translation>
    </message>
    <message>
        <source>points is not a list</source>
        <translation>points ist keine Liste</translation>
    </message>
    <message>
        <source>no shard files given</source>
        <translation>keine Teildateien angegeben</translation>
    </message>
    <message>
        <source>a shard of another sweep than %1 (%2 differs)</source>
        <translation>ein Teil einer anderen Parameterreihe als %1 (%2 unterscheidet sich)</translation>
    </message>
    <message>
        <source>shard %1/%2, but %3 is one of %4 shards</source>
        <translation>Teil %1/%2, aber %3 ist einer von %4 Teilen</translation>
    </message>
    <message>
        <source>shard %1/%2 is given twice (also %3)</source>
        <translation>Teil %1/%2 ist doppelt angegeben (auch %3)</translation>
    </message>
    <message>
        <source>shards missing: %1 (%2 of %3 given)</source>
        <translation>fehlende Teile: %1 (%2 von %3 angegeben)</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 ist kein Objekt</translation>
    </message>
    <message>
        <source>%1.index %2 is past the sweep&apos;s %3 points</source>
        <translation>%1.index %2 liegt hinter den %3 Punkten der Parameterreihe</translation>
    </message>
    <message>
        <source>%1.index %2 is not a point of shard %3/%4</source>
        <translation>%1.index %2 ist kein Punkt von Teil %3/%4</translation>
    </message>
    <message>
        <source>%1.index %2 is given twice</source>
        <translation>%1.index %2 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>%1.summary is missing or has no config</source>
        <translation>%1.summary fehlt oder hat kein config</translation>
    </message>
    <message>
        <source>%1.status &apos;%2&apos; is not ran, skipped or error</source>
        <translation>%1.status „%2“ ist nicht ran, skipped oder error</translation>
    </message>
    <message>
        <source>point %1 of shard %2/%3 is missing (a cut-off file?)</source>
        <translation>Punkt %1 von Teil %2/%3 fehlt (abgeschnittene Datei?)</translation>
    </message>
</context>
<context>
    <name>bitmig::AttachDialog</name>
    <message>
        <source>Attach to QEMU</source>
        <translation>Mit QEMU verbinden</translation>
    </message>
    <message>
        <source>The QMP socket of a running QEMU, as given by -qmp unix:PATH,server=on,wait=off</source>
        <translation>Der QMP-Socket eines laufenden QEMU, wie mit -qmp unix:PFAD,server=on,wait=off angegeben</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>QMP socket</source>
        <translation>QMP-Socket</translation>
    </message>
    <message>
        <source>none: a private one is started</source>
        <translation>keiner: ein eigener wird gestartet</translation>
    </message>
    <message>
        <source>Only when the VM already runs an NBD server (QEMU runs one at most): its unix socket</source>
        <translation>Nur wenn die VM bereits einen NBD-Server betreibt (QEMU betreibt höchstens einen): dessen Unix-Socket</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>QMP socket:</source>
        <translation>QMP-Socket:</translation>
    </message>
    <message>
        <source>The VM&apos;s NBD server:</source>
        <translation>NBD-Server der VM:</translation>
    </message>
    <message>
        <source>Reads the dirty bitmaps of a running QEMU. Each refresh copies the watched bitmaps, reads the copies over NBD and removes them again.</source>
        <translation>Liest die Dirty-Bitmaps eines laufenden QEMU. Jede Aktualisierung kopiert die beobachteten Bitmaps, liest die Kopien über NBD und entfernt sie wieder.</translation>
    </message>
    <message>
        <source>Name the QMP socket of a running QEMU.</source>
        <translation>Nennen Sie den QMP-Socket eines laufenden QEMU.</translation>
    </message>
    <message>
        <source>Cannot attach to %1: %2</source>
        <translation>Verbindung mit %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>bitmig::BitmapSelector</name>
    <message>
        <source>&amp;Bitmap:</source>
        <translation>&amp;Bitmap:</translation>
    </message>
    <message>
        <source>The bitmap the heatmaps show: the run migrates every one of them</source>
        <translation>Die Bitmap, die die Heatmaps zeigen: der Lauf migriert jede von ihnen</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartModel</name>
    <message>
        <source>Payload (bitmap bytes)</source>
        <translation>Nutzdaten (Bitmap-Bytes)</translation>
    </message>
    <message>
        <source>Headers and framing</source>
        <translation>Header und Framing</translation>
    </message>
    <message>
        <source>Per interval</source>
        <translation>Pro Intervall</translation>
    </message>
    <message>
        <source>Since the start</source>
        <translation>Seit dem Start</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Budget: what the max downtime allows</source>
        <translation>Budget: was die max. Ausfallzeit erlaubt</translation>
    </message>
    <message>
        <source>Re-dirtied bitmap bytes/s (left)</source>
        <translation>Wieder dirty Bitmap-Bytes/s (links)</translation>
    </message>
    <message>
        <source>Guest writes/s (right)</source>
        <translation>Schreibvorgänge des Gasts/s (rechts)</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartScales</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 writes/s</source>
        <translation>%1 Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartsFold</name>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>&amp;Automatic (now the figures line)</source>
        <translation>&amp;Automatisch (jetzt die Kennzahlenzeile)</translation>
    </message>
    <message>
        <source>&amp;Automatic (now the charts)</source>
        <translation>&amp;Automatisch (jetzt die Diagramme)</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Automatisch</translation>
    </message>
    <message>
        <source>Always the &amp;charts</source>
        <translation>Immer die &amp;Diagramme</translation>
    </message>
    <message>
        <source>The four charts whatever the size of the window</source>
        <translation>Die vier Diagramme, wie groß das Fenster auch ist</translation>
    </message>
    <message>
        <source>Always the &amp;figures line</source>
        <translation>Immer die &amp;Kennzahlenzeile</translation>
    </message>
    <message>
        <source>The charts&apos; key figures: the window has no room to draw the charts readably (View &gt; Charts)</source>
        <translation>Die Kennzahlen der Diagramme: Das Fenster hat keinen Platz, die Diagramme lesbar zu zeichnen (Ansicht &gt; Diagramme)</translation>
    </message>
    <message>
        <source>The charts&apos; key figures (View &gt; Charts)</source>
        <translation>Die Kennzahlen der Diagramme (Ansicht &gt; Diagramme)</translation>
    </message>
    <message>
        <source>The charts where there is room to read them, otherwise their key figures as a line of text</source>
        <translation>Die Diagramme, wo sie lesbar Platz haben, sonst ihre Kennzahlen als Textzeile</translation>
    </message>
    <message>
        <source>The run&apos;s key figures as a line of text instead of the charts, the heatmaps taking the room</source>
        <translation>Die Kennzahlen des Laufs als Textzeile statt der Diagramme; die Heatmaps nehmen den Platz ein</translation>
    </message>
</context>
<context>
    <name>bitmig::CompareWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>am Zeitlimit angehalten</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>Bulk</translation>
    </message>
    <message>
        <source>dirty pass %1</source>
        <translation>Dirty-Durchlauf %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>yes ✓</source>
        <translation>ja ✓</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>NEIN ✗</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Downtime / limit</source>
        <translation>Ausfallzeit / Grenze</translation>
    </message>
    <message>
        <source>Converged</source>
        <translation>Konvergiert</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>Wire bytes</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>Resent chunks</source>
        <translation>Erneut gesendete Chunks</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>Start migration</source>
        <translation>Migration starten</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Spur hinzufügen</translation>
    </message>
    <message>
        <source>Add a copy of the lane chosen in Lane parameters (at most 4 lanes)</source>
        <translation>Eine Kopie der unter Spurparameter gewählten Spur hinzufügen (höchstens 4 Spuren)</translation>
    </message>
    <message>
        <source>Remove lane</source>
        <translation>Spur entfernen</translation>
    </message>
    <message>
        <source>Remove the lane chosen in Lane parameters (at least 2 lanes stay)</source>
        <translation>Die unter Spurparameter gewählte Spur entfernen (mindestens 2 Spuren bleiben)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Write where you click or drag, in every lane (Ctrl clears instead)</source>
        <translation>Schreiben, wo Sie klicken oder ziehen, in jeder Spur (Strg löscht stattdessen)</translation>
    </message>
    <message>
        <source>&amp;Open comparison...</source>
        <translation>Vergleich ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Save comparison as...</source>
        <translation>Vergleich &amp;speichern unter...</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <source>The comparison as PNG or SVG, the lanes&apos; summaries as CSV or JSON</source>
        <translation>Der Vergleich als PNG oder SVG, die Zusammenfassungen der Spuren als CSV oder JSON</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Spuren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Simulationsgeschwindigkeit</translation>
    </message>
    <message>
        <source>Lane parameters</source>
        <translation>Spurparameter</translation>
    </message>
    <message>
        <source>Lane:</source>
        <translation>Spur:</translation>
    </message>
    <message>
        <source>Disk, workload, seed and clock are shared: an edit there applies to every lane.</source>
        <translation>Platte, Last, Seed und Takt sind gemeinsam: eine Änderung dort gilt für jede Spur.</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Compare window</source>
        <translation>Vergleichsfenster</translation>
    </message>
    <message>
        <source>This run differs from the others in a value every lane shares (the disk, the workload, the seed or the clock): open it as the run instead.</source>
        <translation>Dieser Lauf unterscheidet sich von den anderen in einem Wert, den alle Spuren teilen (Platte, Last, Seed oder Takt): öffnen Sie ihn stattdessen als Lauf.</translation>
    </message>
    <message>
        <source>A comparison has at most 4 lanes: remove one to add this run.</source>
        <translation>Ein Vergleich hat höchstens 4 Spuren: entfernen Sie eine, um diesen Lauf hinzuzufügen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>simulated time %1 s</source>
        <translation>simulierte Zeit %1 s</translation>
    </message>
    <message>
        <source>achieved %1x</source>
        <translation>erreicht %1x</translation>
    </message>
    <message>
        <source>the best of the lanes</source>
        <translation>der beste Wert der Spuren</translation>
    </message>
    <message>
        <source>differs between the lanes</source>
        <translation>unterscheidet sich zwischen den Spuren</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>missing: this scenario is one run, not a comparison (open it from the main window&apos;s File menu)</source>
        <translation>fehlt: dieses Szenario ist ein Lauf, kein Vergleich (öffnen Sie es über das Menü Datei des Hauptfensters)</translation>
    </message>
    <message>
        <source>%1: use .png or .svg for the view, .csv or .json for the summaries</source>
        <translation>%1: .png oder .svg für die Ansicht, .csv oder .json für die Zusammenfassungen verwenden</translation>
    </message>
    <message>
        <source>Open comparison</source>
        <translation>Vergleich öffnen</translation>
    </message>
    <message>
        <source>Save comparison as</source>
        <translation>Vergleich speichern unter</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;Summaries as CSV (*.csv);;Summaries as JSON (*.json)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;Zusammenfassungen als CSV (*.csv);;Zusammenfassungen als JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
</context>
<context>
    <name>bitmig::DataSize</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>bitmig::ExplanationPanel</name>
    <message>
        <source>Explanation of the current phase</source>
        <translation>Erklärung der aktuellen Phase</translation>
    </message>
</context>
<context>
    <name>bitmig::FieldMessages</name>
    <message>
        <source>Problem with %1</source>
        <translation>Problem mit %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>bitmig::FiguresLine</name>
    <message>
        <source>Key figures of the run</source>
        <translation>Kennzahlen des Laufs</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <source>pending %1 (budget %2)</source>
        <translation>ausstehend %1 (Budget %2)</translation>
    </message>
    <message>
        <source>pending %1</source>
        <translation>ausstehend %1</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>re-dirtied %1</source>
        <translation>wieder dirty %1</translation>
    </message>
    <message>
        <source>sent %1, %2 % headers</source>
        <translation>gesendet %1, davon %2 % Header</translation>
    </message>
    <message>
        <source>downtime %1 ms</source>
        <translation>Ausfallzeit %1 ms</translation>
    </message>
</context>
<context>
    <name>bitmig::FrameStats</name>
    <message>
        <source>frames %1  p50 %2 ms  p90 %3 ms  p99 %4 ms  max %5 ms</source>
        <translation>Frames %1  p50 %2 ms  p90 %3 ms  p99 %4 ms  max. %5 ms</translation>
    </message>
</context>
<context>
    <name>bitmig::HeatmapLegend</name>
    <message>
        <source>dirty</source>
        <translation>Dirty-Anteil</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>clean (no bit set)</source>
        <translation>sauber (kein Bit gesetzt)</translation>
    </message>
    <message>
        <source>destination differs from source</source>
        <translation>Ziel weicht von der Quelle ab</translation>
    </message>
    <message>
        <source>chunk being sent</source>
        <translation>Chunk wird gesendet</translation>
    </message>
</context>
<context>
    <name>bitmig::HeatmapView</name>
    <message>
        <source>Dirty bitmap heatmaps</source>
        <translation>Heatmaps der Dirty-Bitmap</translation>
    </message>
    <message>
        <source>Source dirty bitmap, meta bitmap and destination bitmap of the migration</source>
        <translation>Dirty-Bitmap der Quelle, Meta-Bitmap und Ziel-Bitmap der Migration</translation>
    </message>
    <message>
        <source>Showing %1 to %2 of %3; %4 dirty bits, %5 dirty chunks</source>
        <translation>Anzeige %1 bis %2 von %3; %4 Dirty-Bits, %5 Dirty-Chunks</translation>
    </message>
    <message>
        <source>Whole disk</source>
        <translation>Ganzer Datenträger</translation>
    </message>
    <message>
        <source>Dirty bitmap (source)</source>
        <translation>Dirty-Bitmap (Quelle)</translation>
    </message>
    <message>
        <source>%1 of %2 bits dirty · showing %3 – %4 of %5</source>
        <translation>%1 von %2 Bits gesetzt · Anzeige %3 – %4 von %5</translation>
    </message>
    <message>
        <source>Meta bitmap (1 bit = %1)</source>
        <translation>Meta-Bitmap (1 Bit = %1)</translation>
    </message>
    <message>
        <source>%1 of %2 chunks dirty</source>
        <translation>Dirty-Chunks: %1 von %2</translation>
    </message>
    <message>
        <source>Meta bitmap</source>
        <translation>Meta-Bitmap</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>matches the source in view</source>
        <translation>stimmt im sichtbaren Bereich mit der Quelle überein</translation>
    </message>
    <message>
        <source>same counts as the source in view</source>
        <translation>im sichtbaren Bereich gleiche Anzahlen wie die Quelle</translation>
    </message>
    <message>
        <source>%1 bits in view differ from the source</source>
        <translation>%1 Bits im sichtbaren Bereich weichen von der Quelle ab</translation>
    </message>
    <message>
        <source>at least %1 bits in view differ from the source</source>
        <translation>mindestens %1 Bits im sichtbaren Bereich weichen von der Quelle ab</translation>
    </message>
    <message>
        <source>Waiting for the simulation…</source>
        <translation>Warten auf die Simulation…</translation>
    </message>
    <message>
        <source>No meta bitmap in this run</source>
        <translation>Keine Meta-Bitmap in diesem Lauf</translation>
    </message>
    <message>
        <source>Nothing received yet: the destination starts at START</source>
        <translation>Noch nichts empfangen: Das Ziel beginnt mit START</translation>
    </message>
    <message>
        <source>Disk bytes %1 – %2 (%3)</source>
        <translation>Datenträger-Bytes %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Offset %1 to %2</source>
        <translation>Offset %1 bis %2</translation>
    </message>
    <message>
        <source>Source: %1 of %2 bits dirty (%3 %), bits %4 – %5</source>
        <translation>Quelle: %1 von %2 Bits gesetzt (%3 %), Bits %4 – %5</translation>
    </message>
    <message>
        <source>Chunk %1 of %2</source>
        <translation>Chunk %1 von %2</translation>
    </message>
    <message>
        <source>Chunks %1 – %2 of %3</source>
        <translation>Chunks %1 – %2 von %3</translation>
    </message>
    <message>
        <source>Meta bitmap: none in this run</source>
        <translation>Meta-Bitmap: keine in diesem Lauf</translation>
    </message>
    <message>
        <source>Meta bitmap: %1 dirty, %2 clean chunks</source>
        <translation>Meta-Bitmap: %1 Dirty-Chunks, %2 saubere Chunks</translation>
    </message>
    <message>
        <source>Destination: nothing received yet</source>
        <translation>Ziel: noch nichts empfangen</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, %3 differ from the source</source>
        <translation>Ziel: %1 von %2 Bits gesetzt, %3 weichen von der Quelle ab</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, at least %3 differ from the source</source>
        <translation>Ziel: %1 von %2 Bits gesetzt, mindestens %3 weichen von der Quelle ab</translation>
    </message>
    <message>
        <source>No meta bitmap in this run: only precopy keeps one</source>
        <translation>Keine Meta-Bitmap in diesem Lauf: Nur Precopy führt eine</translation>
    </message>
    <message>
        <source>The meta bitmap is created when the migration starts</source>
        <translation>Die Meta-Bitmap wird beim Start der Migration angelegt</translation>
    </message>
    <message>
        <source>The meta bitmap was freed when the migration completed</source>
        <translation>Die Meta-Bitmap wurde am Ende der Migration freigegeben</translation>
    </message>
    <message>
        <source>The meta bitmap was freed when the migration was cancelled</source>
        <translation>Die Meta-Bitmap wurde beim Abbruch der Migration freigegeben</translation>
    </message>
    <message>
        <source>holds every source bit in view, and the guest&apos;s new writes</source>
        <translation>enthält im sichtbaren Bereich jedes Bit der Quelle und die neuen Schreibvorgänge des Gasts</translation>
    </message>
    <message>
        <source>lacks %1 source bits in view</source>
        <translation>im sichtbaren Bereich fehlen noch %1 Bits der Quelle</translation>
    </message>
    <message>
        <source>lacks at least %1 source bits in view</source>
        <translation>im sichtbaren Bereich fehlen noch mindestens %1 Bits der Quelle</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, %3 source bits missing</source>
        <translation>Ziel: %1 von %2 Bits gesetzt, %3 Bits der Quelle fehlen</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, at least %3 source bits missing</source>
        <translation>Ziel: %1 von %2 Bits gesetzt, mindestens %3 Bits der Quelle fehlen</translation>
    </message>
    <message>
        <source>no cell in view holds fewer bits than the source</source>
        <translation>kein Feld im sichtbaren Bereich hat weniger Bits als die Quelle</translation>
    </message>
</context>
<context>
    <name>bitmig::HowItWorksPanel</name>
    <message>
        <source>How migration works</source>
        <translation>Wie die Migration funktioniert</translation>
    </message>
    <message>
        <source>Show every phase on the live view</source>
        <translation>Alle Phasen in der Live-Ansicht zeigen</translation>
    </message>
    <message>
        <source>Start the guided run</source>
        <translation>Geführten Lauf starten</translation>
    </message>
    <message>
        <source>Loads a small disk whose migration goes through every phase within seconds, and starts it; this section follows the live run.</source>
        <translation>Lädt einen kleinen Datenträger, dessen Migration binnen Sekunden alle Phasen durchläuft, und startet sie; dieser Abschnitt folgt dem laufenden Lauf.</translation>
    </message>
    <message>
        <source>Follow along: the section of the phase the run is in now is highlighted.</source>
        <translation>Zum Mitverfolgen: Der Abschnitt der Phase, in der sich der Lauf gerade befindet, ist hervorgehoben.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>bitmig::LaneCharts</name>
    <message>
        <source>Throughput on the wire</source>
        <translation>Durchsatz auf der Leitung</translation>
    </message>
    <message>
        <source>Overhead since the start</source>
        <translation>Overhead seit dem Start</translation>
    </message>
    <message>
        <source>Pending bytes</source>
        <translation>Ausstehende Bytes</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>simulierte Zeit (s)</translation>
    </message>
</context>
<context>
    <name>bitmig::LanesController</name>
    <message>
        <source>A comparison has 2 to 4 lanes, not %1.</source>
        <translation>Ein Vergleich hat 2 bis 4 Spuren, nicht %1.</translation>
    </message>
    <message>
        <source>Lane %1 (%2): %3</source>
        <translation>Spur %1 (%2): %3</translation>
    </message>
    <message>
        <source>The %1 lanes together need %2 of memory for their bitmaps; this machine has %3 available.</source>
        <translation>Die %1 Spuren brauchen zusammen %2 Speicher für ihre Bitmaps; dieser Rechner hat %3 verfügbar.</translation>
    </message>
    <message>
        <source>A comparison has at most 4 lanes.</source>
        <translation>Ein Vergleich hat höchstens 4 Spuren.</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveSession</name>
    <message>
        <source>the connection to QEMU ended: %1</source>
        <translation>die Verbindung zu QEMU endete: %1</translation>
    </message>
    <message>
        <source>a refresh is running</source>
        <translation>eine Aktualisierung läuft</translation>
    </message>
    <message>
        <source>the session is detached</source>
        <translation>die Sitzung ist getrennt</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveSimulation</name>
    <message>
        <source>the bits of %1 were not read</source>
        <translation>die Bits von %1 wurden nicht gelesen</translation>
    </message>
    <message>
        <source>QEMU %1 has no dirty bitmap to simulate.</source>
        <translation>QEMU %1 hat keine Dirty-Bitmap zum Simulieren.</translation>
    </message>
    <message>
        <source>%1: the folder for the recorded changes cannot be made</source>
        <translation>%1: Der Ordner für die aufgezeichneten Änderungen kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Only the first %1 changes between refreshes were kept.</source>
        <translation>Nur die ersten %1 Änderungen zwischen den Aktualisierungen wurden behalten.</translation>
    </message>
    <message>
        <source>QEMU %1 cannot be simulated: %2</source>
        <translation>QEMU %1 kann nicht simuliert werden: %2</translation>
    </message>
    <message>
        <source>%1 bitmaps on %2 disks</source>
        <translation>%1 Bitmaps auf %2 Platten</translation>
    </message>
    <message>
        <source>no change was recorded between refreshes, so the guest is idle</source>
        <translation>zwischen den Aktualisierungen wurde keine Änderung aufgezeichnet, der Gast ist also untätig</translation>
    </message>
    <message>
        <source>the guest replays the %1 changes recorded between refreshes (%2) from %3</source>
        <translation>der Gast spielt die %1 zwischen den Aktualisierungen aufgezeichneten Änderungen (%2) aus %3 ab</translation>
    </message>
    <message>
        <source>QEMU %1, %2</source>
        <translation>QEMU %1, %2</translation>
    </message>
    <message>
        <source>QEMU %1: the bitmaps have more than %2 separate dirty extents; at most %2 can be taken as starting bits.</source>
        <translation>QEMU %1: Die Bitmaps haben mehr als %2 getrennte schmutzige Bereiche; höchstens %2 können als Startbits übernommen werden.</translation>
    </message>
    <message>
        <source>Simulating QEMU %1: %2, each starting from its own bits as read now (%3 dirty in all); %4.</source>
        <translation>Simulation von QEMU %1: %2, jede beginnt mit ihren eigenen, jetzt gelesenen Bits (%3 schmutzig insgesamt); %4.</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveWindow</name>
    <message>
        <source>QEMU %1 at %2</source>
        <translation>QEMU %1 an %2</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Bitmap</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Granularität</translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Zeichnet auf</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>Persistent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Tick a bitmap to show it as a heatmap</source>
        <translation>Haken Sie eine Bitmap an, um sie als Heatmap zu zeigen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Simulate migration</source>
        <translation>Migration simulieren</translation>
    </message>
    <message>
        <source>Opens a simulated run in the main window with this VM&apos;s disks and bitmaps, their bits as read now, and the changes seen between refreshes as the guest&apos;s workload</source>
        <translation>Öffnet im Hauptfenster einen simulierten Lauf mit den Platten und Bitmaps dieser VM, ihren jetzt gelesenen Bits und den zwischen den Aktualisierungen gesehenen Änderungen als Last des Gasts</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Refresh every</source>
        <translation>Aktualisieren alle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Dirty bitmap %1 of %2</source>
        <translation>Dirty-Bitmap %1 von %2</translation>
    </message>
    <message>
        <source>waiting for the first refresh</source>
        <translation>wartet auf die erste Aktualisierung</translation>
    </message>
    <message>
        <source>Changed since the refresh before</source>
        <translation>Geändert seit der vorigen Aktualisierung</translation>
    </message>
    <message>
        <source>%1 dirty of %2, 1 bit = %3</source>
        <translation>%1 dirty von %2, 1 Bit = %3</translation>
    </message>
    <message>
        <source>%1 turned dirty, %2 clean</source>
        <translation>%1 neu geändert, %2 sauber geworden</translation>
    </message>
    <message>
        <source>Attached to QEMU %1 at %2</source>
        <translation>Verbunden mit QEMU %1 an %2</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · angehalten</translation>
    </message>
    <message>
        <source>The refresh failed: %1</source>
        <translation>Die Aktualisierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Detached: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>Dirty rate (bitmap bytes turned dirty per second)</source>
        <translation>Dirty-Rate (pro Sekunde schmutzig gewordene Bitmap-Bytes)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/%2: %3 dirty in %4 · +%5 −%6 since the refresh before · dirty rate %7/s</source>
        <translation>%1/%2: %3 geändert in %4 · +%5 −%6 seit der vorigen Aktualisierung · Änderungsrate %7/s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln extents</source>
        <translation>
            <numerusform>%Ln Bereich</numerusform>
            <numerusform>%Ln Bereichen</numerusform>
        </translation>
    </message>
    <message>
        <source> · refresh %1 took %2 ms (QMP %3 ms in %4, NBD %5 ms in %6)</source>
        <translation> · Aktualisierung %1 dauerte %2 ms (QMP %3 ms in %4, NBD %5 ms in %6)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln round trips</source>
        <translation>
            <numerusform>%Ln Umlauf</numerusform>
            <numerusform>%Ln Umläufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick a bitmap in the table to watch it: each refresh then shows its bits and what turned dirty or clean since the refresh before.</source>
        <translation>Hake eine Bitmap in der Tabelle an, um sie zu beobachten: Jede Aktualisierung zeigt dann ihre Bits und was seit der vorigen Aktualisierung dirty oder sauber wurde.</translation>
    </message>
</context>
<context>
    <name>bitmig::MainWindow</name>
    <message>
        <source>That stroke changed too much to be undone; the undo history was cleared.</source>
        <translation>Dieser Pinselstrich hat zu viel verändert, um rückgängig gemacht zu werden; der Rückgängig-Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>Bitmap Migration Lab</source>
        <translation>Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Abs&amp;pielen</translation>
    </message>
    <message>
        <source>Run or pause the simulated clock (Space)</source>
        <translation>Simulierte Uhr laufen lassen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Einzelschritt</translation>
    </message>
    <message>
        <source>Advance one tick and pause (.)</source>
        <translation>Einen Takt weiter und anhalten (.)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Start the run over with the same parameters (Ctrl+R)</source>
        <translation>Lauf mit denselben Parametern neu beginnen (Strg+R)</translation>
    </message>
    <message>
        <source>Start &amp;migration</source>
        <translation>&amp;Migration starten</translation>
    </message>
    <message>
        <source>Begin migrating the bitmap now (Ctrl+M)</source>
        <translation>Migration der Bitmap jetzt beginnen (Strg+M)</translation>
    </message>
    <message>
        <source>&amp;Abort (link fault)</source>
        <translation>&amp;Abbrechen (Verbindungsfehler)</translation>
    </message>
    <message>
        <source>Drop the link: the migration is cancelled and can be retried (Ctrl+K)</source>
        <translation>Verbindung trennen: Die Migration wird abgebrochen und kann wiederholt werden (Strg+K)</translation>
    </message>
    <message>
        <source>Show &amp;destination</source>
        <translation>Zi&amp;el anzeigen</translation>
    </message>
    <message>
        <source>Show the destination bitmap with its differences (Ctrl+D)</source>
        <translation>Ziel-Bitmap mit ihren Abweichungen anzeigen (Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Drag to pan the heatmaps (H)</source>
        <translation>Ziehen, um die Heatmaps zu verschieben (H)</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>Z&amp;oomen</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom into it (Z)</source>
        <translation>Ein Rechteck aufziehen, um hineinzuzoomen (Z)</translation>
    </message>
    <message>
        <source>Click or drag on the bitmap to write there; hold Ctrl to clear (trim) instead (B)</source>
        <translation>Auf die Bitmap klicken oder darüber ziehen, um dort zu schreiben; mit gedrückter Strg-Taste stattdessen löschen (Trim) (B)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open scenario...</source>
        <translation>Szenario ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Load parameters, workload, seed and injections from a scenario file (Ctrl+O)</source>
        <translation>Parameter, Arbeitslast, Seed und Injektionen aus einer Szenariodatei laden (Strg+O)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Save scenario as...</source>
        <translation>Szenario speichern &amp;unter...</translation>
    </message>
    <message>
        <source>Write every parameter, the workload, the seed and the injections to a file</source>
        <translation>Alle Parameter, die Arbeitslast, den Seed und die Injektionen in eine Datei schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Copy &amp;summary</source>
        <translation>&amp;Zusammenfassung kopieren</translation>
    </message>
    <message>
        <source>The run summary is on the clipboard.</source>
        <translation>Die Zusammenfassung des Laufs ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Copy &amp;heatmaps as image</source>
        <translation>&amp;Heatmaps als Bild kopieren</translation>
    </message>
    <message>
        <source>The heatmaps are on the clipboard.</source>
        <translation>Die Heatmaps sind in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Copy &amp;charts as image</source>
        <translation>&amp;Diagramme als Bild kopieren</translation>
    </message>
    <message>
        <source>The charts are on the clipboard.</source>
        <translation>Die Diagramme sind in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Copy chart &amp;data (CSV)</source>
        <translation>Diagrammdaten kopieren (&amp;CSV)</translation>
    </message>
    <message>
        <source>The charts&apos; data is on the clipboard as CSV.</source>
        <translation>Die Diagrammdaten sind als CSV in der Zwischenablage.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Schneller</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Langsamer</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;How migration works</source>
        <translation>&amp;Wie die Migration funktioniert</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Bitmap Migration Lab</source>
        <translation>Ü&amp;ber Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON document (*.json)</source>
        <translation>CSV-Tabelle (*.csv);;JSON-Dokument (*.json)</translation>
    </message>
    <message>
        <source>&amp;Heatmaps...</source>
        <translation>&amp;Heatmaps...</translation>
    </message>
    <message>
        <source>Heatmaps</source>
        <translation>Heatmaps</translation>
    </message>
    <message>
        <source>All &amp;charts...</source>
        <translation>&amp;Alle Diagramme...</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Chart: %1...</source>
        <translation>Diagramm: %1...</translation>
    </message>
    <message>
        <source>Chart &amp;data...</source>
        <translation>Diagramm&amp;daten...</translation>
    </message>
    <message>
        <source>Run &amp;summary...</source>
        <translation>&amp;Zusammenfassung des Laufs...</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Speed </source>
        <translation>Tempo </translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Simulationstempo</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Arbeitslast</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>How migration works</source>
        <translation>Wie die Migration funktioniert</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Change parameters</source>
        <translation>Parameter ändern</translation>
    </message>
    <message>
        <source>Parameters changed: the run starts over.</source>
        <translation>Parameter geändert: Der Lauf beginnt von vorn.</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>Geladen: %1.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Gespeichert: %1.</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <source>Guided run</source>
        <translation>Geführter Lauf</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>bitmap %1</source>
        <translation>Bitmap %1</translation>
    </message>
    <message>
        <source>frame p99 %1 ms</source>
        <translation>Frame p99 %1 ms</translation>
    </message>
    <message>
        <source>The %1 translation is missing from this build.</source>
        <translation>Die Übersetzung „%1“ fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>the saved session</source>
        <translation>gespeicherte Sitzung</translation>
    </message>
    <message>
        <source>The last session&apos;s parameters were not restored: %1</source>
        <translation>Die Parameter der letzten Sitzung wurden nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: the view is not shown</source>
        <translation>%1 kann nicht geschrieben werden: Die Ansicht wird nicht angezeigt</translation>
    </message>
    <message>
        <source>Cannot write %1: the name must end in .csv or .json</source>
        <translation>%1 kann nicht geschrieben werden: Der Name muss auf .csv oder .json enden</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>Exportiert: %1.</translation>
    </message>
    <message>
        <source>About Bitmap Migration Lab</source>
        <translation>Über Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bitmap Migration Lab %1&lt;/h3&gt;&lt;p&gt;Watch and steer the live migration of block dirty bitmaps: a QEMU-compatible hierarchical bitmap, meta bitmaps, and the bulk, dirty and complete phases.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bitmap Migration Lab %1&lt;/h3&gt;&lt;p&gt;Die Live-Migration von Block-Dirty-Bitmaps beobachten und steuern: eine QEMU-kompatible hierarchische Bitmap, Meta-Bitmaps sowie Grund-, Dirty- und Abschlussphase.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 2 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>B&amp;rush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <source>&amp;Import bitmap from qcow2...</source>
        <translation>Bitmap aus qcow2 &amp;importieren...</translation>
    </message>
    <message>
        <source>Load a persistent dirty bitmap from a qcow2 disk image (Ctrl+I)</source>
        <translation>Eine persistente Dirty-Bitmap aus einem qcow2-Datenträgerabbild laden (Strg+I)</translation>
    </message>
    <message>
        <source>Export the heatmaps</source>
        <translation>Heatmaps exportieren</translation>
    </message>
    <message>
        <source>Export the charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>Export the chart %1</source>
        <translation>Diagramm „%1“ exportieren</translation>
    </message>
    <message>
        <source>Export the chart data</source>
        <translation>Diagrammdaten exportieren</translation>
    </message>
    <message>
        <source>Export the run summary</source>
        <translation>Zusammenfassung des Laufs exportieren</translation>
    </message>
    <message>
        <source>Replay a trace</source>
        <translation>Trace wiedergeben</translation>
    </message>
    <message>
        <source>Traces (*.log *.iolog *.txt *.csv);;All files (*)</source>
        <translation>Traces (*.log *.iolog *.txt *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A 4 TiB disk on a 50 Mbit/s link with a steady write load and a 50 ms downtime limit: setup, the bulk pass, a few dirty passes and the complete phase follow each other within seconds.</source>
        <translation>Ein 4-TiB-Datenträger an einer 50-Mbit/s-Verbindung mit gleichmäßiger Schreiblast und einem Ausfallzeit-Limit von 50 ms: Einrichtung, Grunddurchlauf, einige Dirty-Durchläufe und Abschlussphase folgen binnen Sekunden aufeinander.</translation>
    </message>
    <message>
        <source>Import bitmap from qcow2</source>
        <translation>Bitmap aus qcow2 importieren</translation>
    </message>
    <message>
        <source>qcow2 images (*.qcow2 *.img);;All files (*)</source>
        <translation>qcow2-Abbilder (*.qcow2 *.img);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replaying %1 from now on.</source>
        <translation>Ab jetzt wird %1 wiedergegeben.</translation>
    </message>
    <message>
        <source>Clear %1 at %2</source>
        <translation>%1 bei %2 löschen</translation>
    </message>
    <message>
        <source>Write %1 at %2</source>
        <translation>%1 bei %2 schreiben</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second, 0.001x to 1000x ([ and ])</source>
        <translation>Simulierte Sekunden pro realer Sekunde, 0,001x bis 1000x ([ und ])</translation>
    </message>
    <message>
        <source>Simulated time, and the speed asked for against the speed achieved: a heavy run is simulated as fast as this machine and the window keep up</source>
        <translation>Simulierte Zeit und die gewünschte gegenüber der erreichten Geschwindigkeit: Ein schwerer Lauf wird so schnell simuliert, wie dieser Rechner und das Fenster mithalten</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <source>t = %1 s, asked %2x, achieved %3x</source>
        <translation>t = %1 s, gewünscht %2x, erreicht %3x</translation>
    </message>
    <message>
        <source>t = %1 s, asked %2x</source>
        <translation>t = %1 s, gewünscht %2x</translation>
    </message>
    <message>
        <source>Brush strokes cannot be undone in a run with several bitmaps (undo remembers the granules of one bitmap); the undo history was cleared.</source>
        <translation>Pinselstriche lassen sich in einem Lauf mit mehreren Bitmaps nicht rückgängig machen (Rückgängig merkt sich die Granulen einer Bitmap); der Rückgängig-Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>Open &amp;migration file...</source>
        <translation>&amp;Migrationsdatei öffnen...</translation>
    </message>
    <message>
        <source>Show the dirty bitmaps and records of a QEMU migration file, and what a QEMU destination does with it</source>
        <translation>Die Dirty-Bitmaps und Datensätze einer QEMU-Migrationsdatei zeigen, und was ein QEMU-Ziel damit tut</translation>
    </message>
    <message>
        <source>&amp;Attach to QEMU...</source>
        <translation>Mit QEMU &amp;verbinden...</translation>
    </message>
    <message>
        <source>Show the dirty bitmaps of a running QEMU through its QMP socket</source>
        <translation>Die Dirty-Bitmaps eines laufenden QEMU über seinen QMP-Socket zeigen</translation>
    </message>
    <message>
        <source>Run a real QEMU &amp;migration...</source>
        <translation>Echte QEMU-&amp;Migration ausführen...</translation>
    </message>
    <message>
        <source>Migrate dirty bitmaps between two QEMUs started on scratch images, beside the simulator&apos;s prediction</source>
        <translation>Dirty-Bitmaps zwischen zwei auf Arbeitsabbildern gestarteten QEMUs migrieren, neben der Vorhersage des Simulators</translation>
    </message>
    <message>
        <source>&amp;QEMU migration file...</source>
        <translation>&amp;QEMU-Migrationsdatei...</translation>
    </message>
    <message>
        <source>Export the run as a QEMU migration file</source>
        <translation>Den Lauf als QEMU-Migrationsdatei exportieren</translation>
    </message>
    <message>
        <source>QEMU migration file (*.mig)</source>
        <translation>QEMU-Migrationsdatei (*.mig)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Parameterreihe</translation>
    </message>
    <message>
        <source>Run a sweep point</source>
        <translation>Punkt der Parameterreihe ausführen</translation>
    </message>
    <message>
        <source>Open migration file</source>
        <translation>Migrationsdatei öffnen</translation>
    </message>
    <message>
        <source>Migration files (*.mig *.bin);;All files (*)</source>
        <translation>Migrationsdateien (*.mig *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot simulate the attached VM: %1</source>
        <translation>Die verbundene VM kann nicht simuliert werden: %1</translation>
    </message>
    <message>
        <source>&amp;Compare...</source>
        <translation>&amp;Vergleichen...</translation>
    </message>
    <message>
        <source>Run 2 to 4 variants of this configuration side by side, in lockstep on the same disk, writes and seed</source>
        <translation>2 bis 4 Varianten dieser Konfiguration nebeneinander ausführen, im Gleichschritt auf derselben Platte, mit denselben Schreibzugriffen und demselben Seed</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Hauptfenster</translation>
    </message>
</context>
<context>
    <name>bitmig::MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>bitmig::MigrationCharts</name>
    <message>
        <source>Migration charts</source>
        <translation>Migrationsdiagramme</translation>
    </message>
    <message>
        <source>Phases:</source>
        <translation>Phasen:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show all four charts</source>
        <translation>Alle vier Diagramme anzeigen</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Dirty rate</source>
        <translation>Dirty-Rate</translation>
    </message>
    <message>
        <source>Log scale (pending)</source>
        <translation>Log. Skala (ausstehend)</translation>
    </message>
    <message>
        <source>Pending bytes shrink by orders of magnitude between passes; a logarithmic axis keeps the last passes and the budget line readable.</source>
        <translation>Ausstehende Bytes schrumpfen zwischen den Durchläufen um Größenordnungen; eine logarithmische Achse hält die letzten Durchläufe und die Budgetlinie lesbar.</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>bulk (guest at destination)</source>
        <translation>Grunddurchlauf (Gast am Ziel)</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>Grunddurchlauf</translation>
    </message>
    <message>
        <source>dirty passes (alternating)</source>
        <translation>Dirty-Durchläufe (abwechselnd)</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>complete (guest paused)</source>
        <translation>Abschluss (Gast angehalten)</translation>
    </message>
    <message>
        <source>Throughput on the link</source>
        <translation>Durchsatz auf der Verbindung</translation>
    </message>
    <message>
        <source>Overhead: header share of wire bytes</source>
        <translation>Overhead: Header-Anteil der übertragenen Bytes</translation>
    </message>
    <message>
        <source>Pending bytes against the downtime budget</source>
        <translation>Ausstehende Bytes im Vergleich zum Ausfallzeit-Budget</translation>
    </message>
    <message>
        <source>%1: %2
at %3</source>
        <translation>%1: %2
bei %3</translation>
    </message>
    <message>
        <source>%1: %2
at %3 (average over %4)</source>
        <translation>%1: %2
bei %3 (Mittel über %4)</translation>
    </message>
    <message>
        <source>Pending bytes</source>
        <translation>Ausstehende Bytes</translation>
    </message>
</context>
<context>
    <name>bitmig::OffsetAxis</name>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>in row</source>
        <translation>in der Zeile</translation>
    </message>
</context>
<context>
    <name>bitmig::OverviewStrip</name>
    <message>
        <source>Whole-disk overview</source>
        <translation>Übersicht über den ganzen Datenträger</translation>
    </message>
    <message>
        <source>Dirty bits over the whole disk; the bracket marks the part shown below. Click or drag to move it.</source>
        <translation>Dirty-Bits über den ganzen Datenträger; die Klammer markiert den unten gezeigten Teil. Klicken oder ziehen, um sie zu verschieben.</translation>
    </message>
    <message>
        <source>Whole-disk overview: waiting for the simulation</source>
        <translation>Übersicht über den ganzen Datenträger: Warten auf die Simulation</translation>
    </message>
    <message>
        <source>Whole disk: %1
Showing %2 – %3
Click or drag to move the view</source>
        <translation>Ganzer Datenträger: %1
Anzeige %2 – %3
Klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>bitmig::ParametersPanel</name>
    <message>
        <source>Disk size</source>
        <translation>Datenträgergröße</translation>
    </message>
    <message>
        <source>&amp;Disk</source>
        <translation>Date&amp;nträger</translation>
    </message>
    <message>
        <source>Bitmap granularity</source>
        <translation>Granularität der Bitmap</translation>
    </message>
    <message>
        <source>&amp;Granularity</source>
        <translation>&amp;Granularität</translation>
    </message>
    <message>
        <source>Chunk size (log2 of bytes)</source>
        <translation>Chunk-Größe (log2 der Bytes)</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Chunk-Größe</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Chunk</translation>
    </message>
    <message>
        <source>Derived chunk figures</source>
        <translation>Abgeleitete Chunk-Kennzahlen</translation>
    </message>
    <message>
        <source>Chunk size table of the seed thread</source>
        <translation>Tabelle der Chunk-Größen aus dem Ausgangs-Thread</translation>
    </message>
    <message>
        <source>The chunk sizes argued over in the seed thread; pick a row to try it.</source>
        <translation>Die im Ausgangs-Thread diskutierten Chunk-Größen; eine Zeile wählen, um sie auszuprobieren.</translation>
    </message>
    <message>
        <source>Migration strategy</source>
        <translation>Migrationsstrategie</translation>
    </message>
    <message>
        <source>Precopy with meta bitmap</source>
        <translation>Precopy mit Meta-Bitmap</translation>
    </message>
    <message>
        <source>Postcopy</source>
        <translation>Postcopy</translation>
    </message>
    <message>
        <source>Stop and copy</source>
        <translation>Anhalten und kopieren</translation>
    </message>
    <message>
        <source>&amp;Strategy</source>
        <translation>Strateg&amp;ie</translation>
    </message>
    <message>
        <source>&amp;Bandwidth</source>
        <translation>Bandbrei&amp;te</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>&amp;Latenz</translation>
    </message>
    <message>
        <source>Max &amp;passes</source>
        <translation>&amp;Max. Durchläufe</translation>
    </message>
    <message>
        <source>Send everything in the complete phase below this size (0: off)</source>
        <translation>Unterhalb dieser Größe alles in der Abschlussphase senden (0: aus)</translation>
    </message>
    <message>
        <source>Complete &amp;only below</source>
        <translation>S&amp;ofort abschließen unter</translation>
    </message>
    <message>
        <source>at</source>
        <translation>bei</translation>
    </message>
    <message>
        <source>Start the migration automatically</source>
        <translation>Migration automatisch starten</translation>
    </message>
    <message>
        <source>Simulated time at which the migration starts</source>
        <translation>Simulierte Zeit, zu der die Migration startet</translation>
    </message>
    <message>
        <source>Migration starts</source>
        <translation>Migrationsstart</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>S&amp;eed</translation>
    </message>
    <message>
        <source>&amp;Tick</source>
        <translation>Ta&amp;kt</translation>
    </message>
    <message>
        <source>1 meta bit = %1 of disk · %2 meta bits (chunks) · bitmap %3 · %4 B header per record, %5 % overhead</source>
        <translation>1 Meta-Bit = %1 des Datenträgers · %2 Meta-Bits (Chunks) · Bitmap %3 · %4 B Header pro Datensatz, %5 % Overhead</translation>
    </message>
    <message>
        <source>Max do&amp;wntime</source>
        <translation>Max. Ausfall&amp;zeit</translation>
    </message>
    <message>
        <source>Link bandwidth: 10 Gbit/s, 100 Mbit/s, 125 MB/s, ... (b is a bit, B a byte)</source>
        <translation>Bandbreite der Verbindung: 10 Gbit/s, 100 Mbit/s, 125 MB/s, ... (b ist ein Bit, B ein Byte)</translation>
    </message>
    <message>
        <source>Maximum downtime: 300 ms, 1 s</source>
        <translation>Maximale Ausfallzeit: 300 ms, 1 s</translation>
    </message>
    <message>
        <source>Maximum dirty passes, 0 to 100000</source>
        <translation>Maximale Anzahl Dirty-Durchläufe, 0 bis 100000</translation>
    </message>
    <message>
        <source>Random seed, 0 to 2^64 - 1</source>
        <translation>Zufalls-Seed, 0 bis 2^64 - 1</translation>
    </message>
    <message>
        <source>The 2015 proposal the seed thread reviews: bitmaps sent while the guest runs, tracked by a meta bitmap. QEMU never merged it.</source>
        <translation>Der Vorschlag von 2015, den der Ausgangs-Thread bespricht: Bitmaps werden gesendet, während der Gast läuft, verfolgt von einer Meta-Bitmap. QEMU hat ihn nie übernommen.</translation>
    </message>
    <message>
        <source>What QEMU does with postcopy: the guest moves first, the bitmaps follow.</source>
        <translation>So verfährt QEMU bei Postcopy: Zuerst wechselt der Gast, die Bitmaps folgen.</translation>
    </message>
    <message>
        <source>What QEMU&apos;s precopy does today: every bitmap is sent at completion, while the guest is paused.</source>
        <translation>So verfährt QEMUs Precopy heute: Jede Bitmap wird beim Abschluss gesendet, während der Gast angehalten ist.</translation>
    </message>
    <message>
        <source>%1 disks, %2 bitmaps: Disk and Granularity show disk &apos;%3&apos; / bitmap &apos;%4&apos;; changing either replaces the layout with one disk and one bitmap (Edit &gt; Undo brings the layout back).</source>
        <translation>%1 Platten, %2 Bitmaps: Platte und Granularität zeigen Platte &apos;%3&apos; / Bitmap &apos;%4&apos;; eine Änderung an einem der beiden ersetzt die Anordnung durch eine Platte mit einer Bitmap (Bearbeiten &gt; Rückgängig stellt die Anordnung wieder her).</translation>
    </message>
    <message>
        <source>One-way link delay: 20 ms, 1.5 s, 250 µs</source>
        <translation>Latenz der Verbindung in eine Richtung: 20 ms, 1.5 s, 250 µs</translation>
    </message>
    <message>
        <source>Simulation tick, 1 µs to 1 s</source>
        <translation>Simulationstakt, 1 µs bis 1 s</translation>
    </message>
    <message>
        <source>Compare these rows</source>
        <translation>Diese Zeilen vergleichen</translation>
    </message>
</context>
<context>
    <name>bitmig::PhaseExplainer</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Guest running, nothing migrating yet</source>
        <translation>Gast läuft, noch keine Migration</translation>
    </message>
    <message>
        <source>Every guest write sets the bits of the granules it touches (%1 of disk per bit). The bitmap holds %2 bits, %3 of them dirty. Press Start migration to send it: with a %4 chunk, one meta bit stands for %5 of disk.</source>
        <translation>Jeder Schreibvorgang des Gasts setzt die Bits der berührten Granularitätseinheiten (%1 des Datenträgers pro Bit). Die Bitmap umfasst %2 Bits, davon %3 gesetzt. „Migration starten“ sendet sie: Bei einem Chunk von %4 steht ein Meta-Bit für %5 des Datenträgers.</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>A START record tells the destination the bitmap&apos;s name and granularity. </source>
        <translation>Ein START-Datensatz teilt dem Ziel Namen und Granularität der Bitmap mit. </translation>
    </message>
    <message>
        <source>Postcopy: as soon as the destination knows the bitmap, the guest switches over and records its writes there, in a successor bitmap.</source>
        <translation>Postcopy: Sobald das Ziel die Bitmap kennt, wechselt der Gast hinüber und erfasst seine Schreibvorgänge dort in einer Nachfolger-Bitmap.</translation>
    </message>
    <message>
        <source>Bulk pass, guest at the destination</source>
        <translation>Grunddurchlauf, Gast am Ziel</translation>
    </message>
    <message>
        <source>The guest already runs at the destination; its writes go to a successor bitmap there. The source sends every chunk once, in disk order (chunk %1 of %2, %3 %). Nothing is ever resent, so this always ends, but until COMPLETE arrives the destination&apos;s bitmap cannot be used.</source>
        <translation>Der Gast läuft bereits am Ziel; seine Schreibvorgänge landen dort in einer Nachfolger-Bitmap. Die Quelle sendet jeden Chunk einmal in Datenträgerreihenfolge (Chunk %1 von %2, %3 %). Nichts wird erneut gesendet, daher endet dies immer, aber bis COMPLETE ankommt, ist die Bitmap des Ziels nicht nutzbar.</translation>
    </message>
    <message>
        <source>Bulk pass</source>
        <translation>Grunddurchlauf</translation>
    </message>
    <message>
        <source>Every chunk is sent once, in disk order: chunk %1 of %2 (%3 %). Each chunk covers %4 of disk. A write behind the cursor re-dirties a chunk already sent: its meta bit lights up and the chunk goes again in dirty pass 1. All-clean chunks go as 13-byte ZEROES records.</source>
        <translation>Jeder Chunk wird einmal in Datenträgerreihenfolge gesendet: Chunk %1 von %2 (%3 %). Jeder Chunk deckt %4 des Datenträgers ab. Ein Schreibvorgang hinter dem Cursor macht einen bereits gesendeten Chunk wieder dirty: Sein Meta-Bit leuchtet auf, und der Chunk wird in Dirty-Durchlauf 1 erneut gesendet. Vollständig saubere Chunks gehen als 13-Byte-ZEROES-Datensätze.</translation>
    </message>
    <message>
        <source>Dirty pass %1</source>
        <translation>Dirty-Durchlauf %1</translation>
    </message>
    <message>
        <source>Complete phase</source>
        <translation>Abschlussphase</translation>
    </message>
    <message>
        <source>Every chunk has been sent. COMPLETE tells the destination to finish the bitmap and merge the successor with the writes the guest made there.</source>
        <translation>Alle Chunks sind gesendet. COMPLETE weist das Ziel an, die Bitmap fertigzustellen und die Nachfolger-Bitmap mit den Schreibvorgängen zusammenzuführen, die der Gast dort gemacht hat.</translation>
    </message>
    <message>
        <source>The guest is paused. What is still pending is sent, then COMPLETE; this pause is the downtime: expected %1 against the limit of %2.</source>
        <translation>Der Gast ist angehalten. Was noch aussteht, wird gesendet, dann COMPLETE; diese Pause ist die Ausfallzeit: erwartet %1 bei einem Limit von %2.</translation>
    </message>
    <message>
        <source>Done: verified</source>
        <translation>Fertig: geprüft</translation>
    </message>
    <message>
        <source>Done: NOT verified</source>
        <translation>Fertig: NICHT geprüft</translation>
    </message>
    <message>
        <source>%1 on the wire in %2 records (%3 % overhead), %4 chunks sent, %5 of them again. Downtime %6 (limit %7). The destination bitmap %8; %9 bits lost.</source>
        <translation>%1 übertragen in %2 Datensätzen (%3 % Overhead), %4 Chunks gesendet, davon %5 erneut. Ausfallzeit %6 (Limit %7). Die Ziel-Bitmap %8; %9 Bits verloren.</translation>
    </message>
    <message>
        <source>equals what the source tracked</source>
        <translation>stimmt mit dem überein, was die Quelle erfasst hat</translation>
    </message>
    <message>
        <source>differs from the source</source>
        <translation>weicht von der Quelle ab</translation>
    </message>
    <message>
        <source>The dirty phase did not converge: the pass cap forced completion.</source>
        <translation>Die Dirty-Phase ist nicht konvergiert: Die Obergrenze der Durchläufe hat den Abschluss erzwungen.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The link failed and the migration was cancelled. The destination dropped its partial bitmap; the source kept every dirty bit, including writes the guest made at the destination. Start the migration again to retry.</source>
        <translation>Die Verbindung ist ausgefallen, und die Migration wurde abgebrochen. Das Ziel hat seine unvollständige Bitmap verworfen; die Quelle hat jedes Dirty-Bit behalten, auch die der Schreibvorgänge, die der Gast am Ziel gemacht hat. Starten Sie die Migration erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>The destination refused the stream: %1</source>
        <translation>Das Ziel hat den Datenstrom abgelehnt: %1</translation>
    </message>
    <message>
        <source>Only chunks whose meta bit is set are resent: %1 dirty chunks, %2 pending. The guest can be paused once pending fits the downtime budget, %3 (bandwidth × max downtime, less the latency, the framing and what is still on the link). </source>
        <translation>Nur Chunks mit gesetztem Meta-Bit werden erneut gesendet: %1 Dirty-Chunks, %2 ausstehend. Der Gast kann angehalten werden, sobald der ausstehende Rest in das Ausfallzeit-Budget passt: %3 (Bandbreite × max. Ausfallzeit, abzüglich Latenz, Framing und dessen, was noch auf der Verbindung ist). </translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: no dirty pass has finished yet, so how much a pass leaves behind is not measured.</source>
        <translation>Noch zu früh, um zu sagen, ob sie konvergiert: Noch kein Dirty-Durchlauf ist beendet, also ist nicht gemessen, wie viel ein Durchlauf zurücklässt.</translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: the last pass left %1 % of what it began with. If that held, pending would fit the budget in pass %2 of at most %3, but the passes so far do not settle it yet.</source>
        <translation>Noch zu früh, um zu sagen, ob sie konvergiert: Der letzte Durchlauf ließ %1 % dessen zurück, womit er begann. Bliebe es dabei, passte der ausstehende Rest in Durchlauf %2 von höchstens %3 ins Budget, doch die bisherigen Durchläufe entscheiden das noch nicht.</translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: the last pass left %1 % of what it began with. If that held, pending would not reach the budget within the %2 passes left, but the passes so far do not settle it yet.</source>
        <translation>Noch zu früh, um zu sagen, ob sie konvergiert: Der letzte Durchlauf ließ %1 % dessen zurück, womit er begann. Bliebe es dabei, erreichte der ausstehende Rest das Budget in den %2 verbleibenden Durchläufen nicht, doch die bisherigen Durchläufe entscheiden das noch nicht.</translation>
    </message>
    <message>
        <source>It converges: each pass leaves about %1 % of what it began with, so pending fits the budget in this pass.</source>
        <translation>Sie konvergiert: Jeder Durchlauf lässt etwa %1 % dessen zurück, womit er begann, also passt der ausstehende Rest in diesem Durchlauf ins Budget.</translation>
    </message>
    <message>
        <source>It converges: each pass leaves about %1 % of what it began with, so pending fits the budget in pass %2 (at most %3 are allowed).</source>
        <translation>Sie konvergiert: Jeder Durchlauf lässt etwa %1 % dessen zurück, womit er begann, also passt der ausstehende Rest in Durchlauf %2 ins Budget (höchstens %3 sind erlaubt).</translation>
    </message>
    <message>
        <source>Pending fits the budget: the guest is paused now.</source>
        <translation>Der ausstehende Rest passt ins Budget: Der Gast wird jetzt angehalten.</translation>
    </message>
    <message>
        <source>It converges in this pass: the last pass left nothing behind.</source>
        <translation>Sie konvergiert in diesem Durchlauf: Der letzte Durchlauf ließ nichts zurück.</translation>
    </message>
    <message>
        <source>It will not converge: the writes re-dirty chunks about as fast as a pass resends them, so pending settles near %1, far above the budget. After pass %2 the guest is paused anyway and the downtime exceeds the limit. A smaller chunk resends less for each write.</source>
        <translation>Sie wird nicht konvergieren: Die Schreibzugriffe markieren Chunks etwa so schnell neu, wie ein Durchlauf sie erneut sendet, also bleibt der ausstehende Rest bei etwa %1, weit über dem Budget. Nach Durchlauf %2 wird der Gast trotzdem angehalten, und die Ausfallzeit überschreitet das Limit. Ein kleinerer Chunk sendet je Schreibzugriff weniger erneut.</translation>
    </message>
    <message>
        <source>It will not converge in time: each pass leaves about %1 % of what it began with, so pending needs about %2 more passes to reach the budget, but only %3 are left. After pass %4 the guest is paused anyway and the downtime exceeds the limit.</source>
        <translation>Sie wird nicht rechtzeitig konvergieren: Jeder Durchlauf lässt etwa %1 % dessen zurück, womit er begann, also bräuchte der ausstehende Rest noch etwa %2 Durchläufe bis zum Budget, doch nur %3 bleiben. Nach Durchlauf %4 wird der Gast trotzdem angehalten, und die Ausfallzeit überschreitet das Limit.</translation>
    </message>
    <message>
        <source>It will not converge: pending does not reach the budget within the %1 passes left. After pass %2 the guest is paused anyway and the downtime exceeds the limit.</source>
        <translation>Sie wird nicht konvergieren: Der ausstehende Rest erreicht das Budget in den %1 verbleibenden Durchläufen nicht. Nach Durchlauf %2 wird der Gast trotzdem angehalten, und die Ausfallzeit überschreitet das Limit.</translation>
    </message>
    <message>
        <source>It will not converge before the run&apos;s time limit of %1: at this shrink the passes it needs take longer.</source>
        <translation>Sie wird nicht vor dem Zeitlimit des Laufs (%1) konvergieren: Bei dieser Abnahme dauern die nötigen Durchläufe länger.</translation>
    </message>
    <message>
        <source>It cannot converge: the link&apos;s latency and the framing of the complete phase alone take longer than the maximum downtime of %1, so no pending amount fits. After pass %2 the guest is paused anyway.</source>
        <translation>Sie kann nicht konvergieren: Schon die Latenz der Verbindung und das Framing der Abschlussphase dauern länger als die maximale Ausfallzeit von %1, also passt kein ausstehender Rest. Nach Durchlauf %2 wird der Gast trotzdem angehalten.</translation>
    </message>
    <message>
        <source>Stopped at the time limit</source>
        <translation>Beim Zeitlimit gestoppt</translation>
    </message>
    <message>
        <source>The run reached its time limit of %1 before the migration finished, in the %2 phase; nothing more is sent and the guest writes no more. Raise the time limit (Parameters) to see how it ends.</source>
        <translation>Der Lauf hat sein Zeitlimit von %1 in der Phase „%2“ erreicht, bevor die Migration beendet war; es wird nichts mehr gesendet, und der Gast schreibt nicht mehr. Erhöhen Sie das Zeitlimit (Parameter), um zu sehen, wie sie ausgeht.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>vor der Migration</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>Grunddurchlauf</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Stop and copy: the guest is paused now and waits until the whole bitmap has arrived. This is where QEMU&apos;s precopy puts the bitmaps today: all of them at completion, while the guest is paused.</source>
        <translation>Anhalten und kopieren: Der Gast ist jetzt angehalten und wartet, bis die ganze Bitmap angekommen ist. Genau hier sendet QEMUs Precopy die Bitmaps heute: alle beim Abschluss, während der Gast angehalten ist.</translation>
    </message>
    <message>
        <source>Precopy: a meta bitmap with one bit per chunk now records which chunks change (the 2015 proposal; QEMU sends bitmaps at completion instead).</source>
        <translation>Precopy: Eine Meta-Bitmap mit einem Bit pro Chunk erfasst jetzt, welche Chunks sich ändern (der Vorschlag von 2015; QEMU sendet Bitmaps stattdessen beim Abschluss).</translation>
    </message>
    <message>
        <source>Every guest write sets the bits of the granules it touches (%1 of disk per bit). The bitmap holds %2 bits, %3 of them dirty. The migration starts by itself at %4, in %5 of simulated time; Start migration sends it now. With a %6 chunk, one meta bit stands for %7 of disk.</source>
        <translation>Jeder Schreibvorgang des Gasts setzt die Bits der berührten Granularitätseinheiten (%1 des Datenträgers pro Bit). Die Bitmap umfasst %2 Bits, davon %3 gesetzt. Die Migration startet von selbst bei %4, in %5 simulierter Zeit; „Migration starten“ sendet sie sofort. Bei einem Chunk von %6 steht ein Meta-Bit für %7 des Datenträgers.</translation>
    </message>
</context>
<context>
    <name>bitmig::PhaseStrip</name>
    <message>
        <source>Migration phase</source>
        <translation>Migrationsphase</translation>
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
        <source>setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>switch-over</source>
        <translation>Umschaltung</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>bulk (guest at destination)</source>
        <translation>Grunddurchlauf (Gast am Ziel)</translation>
    </message>
    <message>
        <source>bulk, guest at the destination</source>
        <translation>Grunddurchlauf, Gast am Ziel</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>Grunddurchlauf</translation>
    </message>
    <message>
        <source>dirty %1</source>
        <translation>Dirty %1</translation>
    </message>
    <message>
        <source>dirty pass %1</source>
        <translation>Dirty-Durchlauf %1</translation>
    </message>
    <message>
        <source>dirty passes</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>complete (guest paused)</source>
        <translation>Abschluss (Gast angehalten)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>gesamt %1</translation>
    </message>
    <message>
        <source>not started, up to %1 dirty passes</source>
        <translation>nicht gestartet, bis zu %1 Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>no dirty passes: the guest writes at the destination</source>
        <translation>keine Dirty-Durchläufe: Der Gast schreibt am Ziel</translation>
    </message>
    <message>
        <source>no dirty passes: the guest is paused</source>
        <translation>keine Dirty-Durchläufe: Der Gast ist angehalten</translation>
    </message>
    <message>
        <source>pass %1 of max %2</source>
        <translation>Durchlauf %1 von max. %2</translation>
    </message>
    <message>
        <source>up to %1 dirty passes</source>
        <translation>bis zu %1 Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes: did not converge</source>
        <translation>%1 von max. %2 Dirty-Durchläufen: nicht konvergiert</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes</source>
        <translation>%1 von max. %2 Dirty-Durchläufen</translation>
    </message>
    <message>
        <source>dirty %1–%2</source>
        <translation>Dirty %1–%2</translation>
    </message>
    <message>
        <source>dirty passes %1 to %2</source>
        <translation>Dirty-Durchläufe %1 bis %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Current phase: %1. %2.</source>
        <translation>Aktuelle Phase: %1. %2.</translation>
    </message>
    <message>
        <source>Finished: %1.</source>
        <translation>Abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>noch nicht erreicht</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>now, for %1</source>
        <translation>jetzt, seit %1</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>finished, took %1</source>
        <translation>beendet, Dauer %1</translation>
    </message>
    <message>
        <source>the link failed; the source keeps every dirty bit</source>
        <translation>die Verbindung ist ausgefallen; die Quelle behält jedes Dirty-Bit</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>beim Zeitlimit gestoppt</translation>
    </message>
    <message>
        <source>the run reached its time limit of %1 before the migration finished</source>
        <translation>der Lauf hat sein Zeitlimit von %1 erreicht, bevor die Migration beendet war</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes, stopped at the time limit (%3)</source>
        <translation>%1 von max. %2 Dirty-Durchläufen, beim Zeitlimit gestoppt (%3)</translation>
    </message>
    <message>
        <source>stopped at the time limit (%1)</source>
        <translation>beim Zeitlimit gestoppt (%1)</translation>
    </message>
    <message>
        <source>%1/%2 passes, time limit %3</source>
        <translation>%1/%2 Durchläufe, Zeitlimit %3</translation>
    </message>
    <message>
        <source>%1/%2 passes, not converged</source>
        <translation>%1/%2 Durchläufe, nicht konvergiert</translation>
    </message>
</context>
<context>
    <name>bitmig::PresentationMode</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>Prä&amp;sentation</translation>
    </message>
    <message>
        <source>Full screen with large text, the heatmaps filling it and the charts folded to a line of figures; again to go back (F11)</source>
        <translation>Vollbild mit großer Schrift: Die Heatmaps füllen es aus, die Diagramme sind zu einer Zeile mit Kennzahlen zusammengeklappt; erneut wählen, um zurückzukehren (F11)</translation>
    </message>
</context>
<context>
    <name>bitmig::Qcow2Import</name>
    <message>
        <source>%1: the bitmaps in this image are stale (the header&apos;s autoclear bit for bitmaps is clear, as a program that does not know them leaves it); QEMU ignores them too.</source>
        <translation>%1: Die Bitmaps in diesem Image sind veraltet (das Autoclear-Bit für Bitmaps im Header ist gelöscht, wie es ein Programm hinterlässt, das sie nicht kennt); QEMU ignoriert sie ebenfalls.</translation>
    </message>
    <message>
        <source>%1 holds no persistent bitmap.</source>
        <translation>%1 enthält keine persistente Bitmap.</translation>
    </message>
    <message>
        <source>%1 has no bitmap named &apos;%2&apos;.</source>
        <translation>%1 enthält keine Bitmap namens „%2“.</translation>
    </message>
    <message>
        <source>%1: bitmap &apos;%2&apos; has %3 separate dirty extents; at most %4 can be imported as writes.</source>
        <translation>%1: Bitmap „%2“ hat %3 getrennte Dirty-Bereiche; höchstens %4 können als Schreibvorgänge importiert werden.</translation>
    </message>
    <message>
        <source>%1: bitmap &apos;%2&apos; cannot be simulated: %3</source>
        <translation>%1: Bitmap „%2“ kann nicht simuliert werden: %3</translation>
    </message>
    <message>
        <source>%1, bitmap %2</source>
        <translation>%1, Bitmap %2</translation>
    </message>
    <message>
        <source>Imported from a qcow2 image: %1 dirty extents over %2 at %3 granularity.</source>
        <translation>Aus einem qcow2-Abbild importiert: %1 Dirty-Bereiche auf %2 bei einer Granularität von %3.</translation>
    </message>
    <message>
        <source>The guest is idle: only the imported bits are dirty.</source>
        <translation>Der Gast ist im Leerlauf: Nur die importierten Bits sind dirty.</translation>
    </message>
    <message>
        <source>The guest keeps its workload (%1): its writes add to the imported bits.</source>
        <translation>Der Gast behält seine Arbeitslast (%1): Seine Schreibvorgänge kommen zu den importierten Bits hinzu.</translation>
    </message>
    <message>
        <source>%1, %2 writes/s</source>
        <translation>%1, %2 Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>%1, replaying %2</source>
        <translation>%1, Wiedergabe von %2</translation>
    </message>
</context>
<context>
    <name>bitmig::Qcow2ImportDialog</name>
    <message>
        <source>Import bitmap from qcow2</source>
        <translation>Bitmap aus qcow2 importieren</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <source>Bitmap to import</source>
        <translation>Zu importierende Bitmap</translation>
    </message>
    <message>
        <source>&amp;Bitmap</source>
        <translation>&amp;Bitmap</translation>
    </message>
    <message>
        <source>While the imported bitmap migrates, the guest:</source>
        <translation>Während die importierte Bitmap migriert wird, soll der Gast:</translation>
    </message>
    <message>
        <source>is &amp;idle: only the imported bits are dirty</source>
        <translation>im &amp;Leerlauf sein: Nur die importierten Bits sind dirty</translation>
    </message>
    <message>
        <source>&amp;keeps its workload (%1): its writes add to the imported bits</source>
        <translation>seine &amp;Arbeitslast (%1) behalten: Seine Schreibvorgänge kommen zu den importierten Bits hinzu</translation>
    </message>
</context>
<context>
    <name>bitmig::QemuFileViewer</name>
    <message>
        <source>a QEMU 7.2 destination loads every bitmap</source>
        <translation>ein QEMU-7.2-Ziel lädt jede Bitmap</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination drops every incoming bitmap (the migration completes)</source>
        <translation>ein QEMU-7.2-Ziel verwirft jede eingehende Bitmap (die Migration wird abgeschlossen)</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination fails the migration</source>
        <translation>bei einem QEMU-7.2-Ziel scheitert die Migration</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination aborts (an assertion ends the process)</source>
        <translation>ein QEMU-7.2-Ziel bricht ab (eine Assertion beendet den Prozess)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Bitmap</translation>
    </message>
    <message>
        <source>Start sector</source>
        <translation>Startsektor</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Sektoren</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: byte %2: %3</source>
        <translation>%1: Byte %2: %3</translation>
    </message>
    <message>
        <source>%1: the walk stopped at byte %2: %3</source>
        <translation>%1: das Lesen hielt bei Byte %2 an: %3</translation>
    </message>
    <message>
        <source>%1 at byte %2: &quot;%3&quot;</source>
        <translation>%1 bei Byte %2: &quot;%3&quot;</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Datei: %1 (%2)</translation>
    </message>
    <message>
        <source>QEMU: %1</source>
        <translation>QEMU: %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>persistent</translation>
    </message>
    <message>
        <source>no COMPLETE</source>
        <translation>kein COMPLETE</translation>
    </message>
    <message>
        <source>Node %1, bitmap %2; granularity %3; %4</source>
        <translation>Knoten %1, Bitmap %2; Granularität %3; %4</translation>
    </message>
    <message>
        <source>%1 dirty of %2; SHA-256 %3</source>
        <translation>%1 von %2 geändert; SHA-256 %3</translation>
    </message>
    <message>
        <source>Bits not rebuilt: %1</source>
        <translation>Bits nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>No chunk of this bitmap arrived</source>
        <translation>Kein Chunk dieser Bitmap kam an</translation>
    </message>
    <message>
        <source>No bitmap in this file</source>
        <translation>Keine Bitmap in dieser Datei</translation>
    </message>
    <message>
        <source>Migration file</source>
        <translation>Migrationsdatei</translation>
    </message>
    <message>
        <source>Migration file: %1</source>
        <translation>Migrationsdatei: %1</translation>
    </message>
    <message>
        <source>Bitmaps in the file</source>
        <translation>Bitmaps in der Datei</translation>
    </message>
    <message>
        <source>Records in the file</source>
        <translation>Datensätze in der Datei</translation>
    </message>
    <message>
        <source>Chunks sent with data (1 bit = %1)</source>
        <translation>Mit Daten gesendete Chunks (1 Bit = %1)</translation>
    </message>
    <message>
        <source>%1 of %2 chunks in BITS records with data, the rest in ZEROES records or not sent</source>
        <translation>%1 von %2 Chunks in BITS-Datensätzen mit Daten, der Rest in ZEROES-Datensätzen oder nicht gesendet</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigration</name>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>the migration did not complete within %1 s and was cancelled (last status: %2). QEMU&apos;s precopy keeps the bitmaps pending until they fit in the downtime limit at the bandwidth it measures; a larger downtime limit, a coarser granularity or postcopy lets it finish</source>
        <translation>die Migration wurde nicht innerhalb von %1 s abgeschlossen und abgebrochen (letzter Status: %2). QEMUs Precopy hält die Bitmaps zurück, bis sie bei der gemessenen Bandbreite in die Ausfallzeit-Grenze passen; eine größere Ausfallzeit-Grenze, eine gröbere Granularität oder Postcopy bringt sie zum Abschluss</translation>
    </message>
    <message>
        <source>disks: at least one disk is needed</source>
        <translation>Datenträger: mindestens ein Datenträger ist nötig</translation>
    </message>
    <message>
        <source>disk %1: the size %2 bytes is not a positive multiple of 512</source>
        <translation>Datenträger %1: die Größe %2 Bytes ist kein positives Vielfaches von 512</translation>
    </message>
    <message>
        <source>disk %1: %2 is not a readable file</source>
        <translation>Datenträger %1: %2 ist keine lesbare Datei</translation>
    </message>
    <message>
        <source>bitmaps: at least one bitmap is needed</source>
        <translation>Bitmaps: mindestens eine Bitmap ist nötig</translation>
    </message>
    <message>
        <source>bitmap %1: there is no disk %2</source>
        <translation>Bitmap %1: es gibt keinen Datenträger %2</translation>
    </message>
    <message>
        <source>bitmap %1: a name of 1 to 1023 characters is needed</source>
        <translation>Bitmap %1: ein Name mit 1 bis 1023 Zeichen ist nötig</translation>
    </message>
    <message>
        <source>bitmap %1 (%2): the granularity %3 is not a power of two from 512 B to 2 GiB</source>
        <translation>Bitmap %1 (%2): die Granularität %3 ist keine Zweierpotenz von 512 B bis 2 GiB</translation>
    </message>
    <message>
        <source>bitmap %1: disk %2 already has a bitmap named %3</source>
        <translation>Bitmap %1: Datenträger %2 hat bereits eine Bitmap namens %3</translation>
    </message>
    <message>
        <source>bandwidth: %1 bytes per second is not one QEMU takes</source>
        <translation>Bandbreite: %1 Bytes pro Sekunde nimmt QEMU nicht an</translation>
    </message>
    <message>
        <source>downtime limit: %1 ms is outside 0 to %2 ms</source>
        <translation>Ausfallzeit-Grenze: %1 ms liegt außerhalb von 0 bis %2 ms</translation>
    </message>
    <message>
        <source>timeout: %1 ms is not positive</source>
        <translation>Zeitlimit: %1 ms ist nicht positiv</translation>
    </message>
    <message>
        <source>write: there is no disk %1</source>
        <translation>Schreiben: es gibt keinen Datenträger %1</translation>
    </message>
    <message>
        <source>%1: qemu-img info failed: %2</source>
        <translation>%1: qemu-img info ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: not a qcow2 image (qemu-img says format %2)</source>
        <translation>%1: kein qcow2-Abbild (qemu-img meldet das Format %2)</translation>
    </message>
    <message>
        <source>%1: the scratch copy failed: %2</source>
        <translation>%1: die Arbeitskopie ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>disk %1: qemu-img create failed: %2</source>
        <translation>Datenträger %1: qemu-img create ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU did not start: %2</source>
        <translation>QEMU (%1) ist nicht gestartet: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU exited at once: %2</source>
        <translation>QEMU (%1) hat sich sofort beendet: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU made no QMP socket in %2 s</source>
        <translation>QEMU (%1) hat in %2 s keinen QMP-Socket angelegt</translation>
    </message>
    <message>
        <source>the %1 QEMU: %2</source>
        <translation>QEMU (%1): %2</translation>
    </message>
    <message>
        <source>qemu-system-x86_64 is not on PATH (Debian: the qemu-system-x86 package)</source>
        <translation>qemu-system-x86_64 ist nicht im PATH (Debian: das Paket qemu-system-x86)</translation>
    </message>
    <message>
        <source>qemu-img is not on PATH (Debian: the qemu-utils package)</source>
        <translation>qemu-img ist nicht im PATH (Debian: das Paket qemu-utils)</translation>
    </message>
    <message>
        <source>cannot make a private folder: %1</source>
        <translation>kann keinen privaten Ordner anlegen: %1</translation>
    </message>
    <message>
        <source>write: %1 bytes at %2 do not lie inside disk %3 (%4 bytes)</source>
        <translation>Schreiben: %1 Bytes bei %2 liegen nicht innerhalb von Datenträger %3 (%4 Bytes)</translation>
    </message>
    <message>
        <source>write: qemu-io writes whole 512-byte sectors; %1 bytes at %2 are not</source>
        <translation>Schreiben: qemu-io schreibt ganze 512-Byte-Sektoren; %1 Bytes bei %2 sind das nicht</translation>
    </message>
    <message>
        <source>write: %1</source>
        <translation>Schreiben: %1</translation>
    </message>
    <message>
        <source>write: QEMU said: %1</source>
        <translation>Schreiben: QEMU meldete: %1</translation>
    </message>
    <message>
        <source>start: prepare() a new migration first</source>
        <translation>Start: zuerst eine neue Migration vorbereiten (prepare())</translation>
    </message>
    <message>
        <source>migrate-start-postcopy: no migration is running</source>
        <translation>migrate-start-postcopy: es läuft keine Migration</translation>
    </message>
    <message>
        <source>migrate-start-postcopy: this migration was set up as precopy</source>
        <translation>migrate-start-postcopy: diese Migration wurde als Precopy eingerichtet</translation>
    </message>
    <message>
        <source>write: the source no longer runs (status %1): QEMU stopped it for the switch-over</source>
        <translation>Schreiben: die Quelle läuft nicht mehr (Status %1): QEMU hat sie für die Umschaltung angehalten</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>QEMU&apos;s migration ended with status %1</source>
        <translation>QEMUs Migration endete mit dem Status %1</translation>
    </message>
    <message>
        <source>QEMU&apos;s migration ended with status %1: %2</source>
        <translation>QEMUs Migration endete mit dem Status %1: %2</translation>
    </message>
    <message>
        <source>QEMU completed the migration without pausing before the switch-over</source>
        <translation>QEMU hat die Migration ohne Pause vor der Umschaltung abgeschlossen</translation>
    </message>
    <message>
        <source>the source completed but the destination&apos;s migration status is %1</source>
        <translation>die Quelle ist fertig, aber der Migrationsstatus des Ziels ist %1</translation>
    </message>
    <message>
        <source>the destination QEMU: %1</source>
        <translation>QEMU (Ziel): %1</translation>
    </message>
    <message>
        <source>the source QEMU ended during the migration (status %1)</source>
        <translation>QEMU (Quelle) hat sich während der Migration beendet (Status %1)</translation>
    </message>
    <message>
        <source>the %1 QEMU was killed during the migration (status %2)</source>
        <translation>QEMU (%1) wurde während der Migration beendet (Status %2)</translation>
    </message>
    <message>
        <source>the %1 QEMU exited with code %2 during the migration (status %3)</source>
        <translation>QEMU (%1) hat sich während der Migration mit Code %2 beendet (Status %3)</translation>
    </message>
    <message>
        <source>The simulator cannot model this run: %1</source>
        <translation>Der Simulator kann diesen Lauf nicht nachbilden: %1</translation>
    </message>
    <message>
        <source>%1 pending (QEMU counts each of the bitmaps&apos; %2 bits as a byte)</source>
        <translation>%1 ausstehend (QEMU zählt jedes der %2 Bits der Bitmaps als ein Byte)</translation>
    </message>
    <message>
        <source>QEMU switches to postcopy when asked, whatever is pending; the bitmaps follow the switch-over.</source>
        <translation>QEMU wechselt auf Anforderung zu Postcopy, unabhängig davon, was aussteht; die Bitmaps folgen nach der Umschaltung.</translation>
    </message>
    <message>
        <source>QEMU will not complete this precopy: %1, and the downtime limit lets at most %2 through at max-bandwidth (%3/s for %4 ms). It keeps iterating until cancelled; a larger downtime limit or bandwidth, a coarser granularity or postcopy lets it finish.</source>
        <translation>QEMU wird diese Precopy nicht abschließen: %1, und das Ausfallzeitlimit lässt bei max-bandwidth höchstens %2 durch (%3/s für %4 ms). Es iteriert weiter, bis abgebrochen wird; ein größeres Ausfallzeitlimit oder eine höhere Bandbreite, eine gröbere Granularität oder Postcopy lässt sie abschließen.</translation>
    </message>
    <message>
        <source>QEMU completes this precopy once the bandwidth it measures exceeds %1/s: %2 must fit in what the downtime limit (%3 ms) lets through, at most %4 at max-bandwidth. It measures its first window after 100 ms.</source>
        <translation>QEMU schließt diese Precopy ab, sobald die gemessene Bandbreite %1/s übersteigt: %2 müssen in das passen, was das Ausfallzeitlimit (%3 ms) durchlässt, höchstens %4 bei max-bandwidth. Das erste Messfenster endet nach 100 ms.</translation>
    </message>
    <message>
        <source>QEMU measures %1/s: the downtime limit lets %2 through, more than the %3 pending: it completes.</source>
        <translation>QEMU misst %1/s: Das Ausfallzeitlimit lässt %2 durch, mehr als die %3 ausstehenden: Sie wird abgeschlossen.</translation>
    </message>
    <message>
        <source>QEMU measures %1/s: the downtime limit lets %2 through, less than the %3 pending: it does not complete at this bandwidth.</source>
        <translation>QEMU misst %1/s: Das Ausfallzeitlimit lässt %2 durch, weniger als die %3 ausstehenden: Bei dieser Bandbreite wird sie nicht abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigrationDialog</name>
    <message>
        <source>Run a real QEMU migration</source>
        <translation>Echte QEMU-Migration ausführen</translation>
    </message>
    <message>
        <source>Two QEMUs with no guest (-machine none) are started on scratch images in a private folder, and the source&apos;s dirty bitmaps migrate to the destination over a unix socket. Your own images are only read.</source>
        <translation>Zwei QEMUs ohne Gast (-machine none) werden auf Arbeitsabbildern in einem privaten Ordner gestartet, und die Dirty-Bitmaps der Quelle migrieren über einen Unix-Socket zum Ziel. Ihre eigenen Abbilder werden nur gelesen.</translation>
    </message>
    <message>
        <source>New image of</source>
        <translation>Neues Abbild mit</translation>
    </message>
    <message>
        <source>Scratch copies of</source>
        <translation>Arbeitskopien von</translation>
    </message>
    <message>
        <source>qcow2 files, separated by ;</source>
        <translation>qcow2-Dateien, getrennt durch ;</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>qcow2 images to copy</source>
        <translation>Zu kopierende qcow2-Abbilder</translation>
    </message>
    <message>
        <source>qcow2 images (*.qcow2);;All files (*)</source>
        <translation>qcow2-Abbilder (*.qcow2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Bitmap</translation>
    </message>
    <message>
        <source>Granularity (bytes)</source>
        <translation>Granularität (Bytes)</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>Persistent</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Add bitmap</source>
        <translation>Bitmap hinzufügen</translation>
    </message>
    <message>
        <source>Remove bitmap</source>
        <translation>Bitmap entfernen</translation>
    </message>
    <message>
        <source>bitmap%1</source>
        <translation>bitmap%1</translation>
    </message>
    <message>
        <source>Bitmaps on the source:</source>
        <translation>Bitmaps auf der Quelle:</translation>
    </message>
    <message>
        <source>Precopy (the bitmaps are sent at completion, the guest paused)</source>
        <translation>Precopy (die Bitmaps werden beim Abschluss gesendet, der Gast pausiert)</translation>
    </message>
    <message>
        <source>Postcopy (migrate-start-postcopy; the bitmaps follow the switch-over)</source>
        <translation>Postcopy (migrate-start-postcopy; die Bitmaps folgen der Umschaltung)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Switch to postcopy when I press the button (else at once)</source>
        <translation>Auf Postcopy umschalten, wenn ich den Knopf drücke (sonst sofort)</translation>
    </message>
    <message>
        <source>max-bandwidth %1/s, downtime-limit %2 (from the Parameters dock)</source>
        <translation>max-bandwidth %1/s, downtime-limit %2 (aus dem Parameter-Dock)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Start the QEMUs</source>
        <translation>QEMUs starten</translation>
    </message>
    <message>
        <source>Scratch copies: name at least one qcow2 file</source>
        <translation>Arbeitskopien: mindestens eine qcow2-Datei angeben</translation>
    </message>
    <message>
        <source>Bitmap %1: the granularity &quot;%2&quot; is not a number of bytes</source>
        <translation>Bitmap %1: die Granularität „%2“ ist keine Anzahl von Bytes</translation>
    </message>
    <message>
        <source>Bitmap %1: the disk &quot;%2&quot; is not a disk number</source>
        <translation>Bitmap %1: der Datenträger „%2“ ist keine Datenträgernummer</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigrationWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Real QEMU migration (%1)</source>
        <translation>Echte QEMU-Migration (%1)</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>Postcopy</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>Precopy</translation>
    </message>
    <message>
        <source>QEMU %1 is ready: source and destination started, bitmaps added. Brush on the disk to write to it, then Start.</source>
        <translation>QEMU %1 ist bereit: Quelle und Ziel gestartet, Bitmaps angelegt. Mit dem Pinsel auf den Datenträger schreiben, dann Start.</translation>
    </message>
    <message>
        <source>Start the migration</source>
        <translation>Migration starten</translation>
    </message>
    <message>
        <source>Switch to postcopy</source>
        <translation>Auf Postcopy umschalten</translation>
    </message>
    <message>
        <source>Cancel the migration</source>
        <translation>Migration abbrechen</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>Simulator&apos;s prediction</source>
        <translation>Vorhersage des Simulators</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Bitmap</translation>
    </message>
    <message>
        <source>Source SHA-256 (at the switch-over)</source>
        <translation>SHA-256 der Quelle (bei der Umschaltung)</translation>
    </message>
    <message>
        <source>Destination SHA-256</source>
        <translation>SHA-256 des Ziels</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>QEMU: %1, %2 ms, %3 sent</source>
        <translation>QEMU: %1, %2 ms, %3 gesendet</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>(no such bitmap)</source>
        <translation>(keine solche Bitmap)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>NEIN</translation>
    </message>
    <message>
        <source>Completed: every bitmap arrived with the source&apos;s SHA-256. Both QEMUs are stopped and their folder removed.</source>
        <translation>Abgeschlossen: jede Bitmap kam mit der SHA-256 der Quelle an. Beide QEMUs sind beendet und ihr Ordner entfernt.</translation>
    </message>
    <message>
        <source>Completed, but not every bitmap arrived with the source&apos;s SHA-256. Both QEMUs are stopped and their folder removed.</source>
        <translation>Abgeschlossen, aber nicht jede Bitmap kam mit der SHA-256 der Quelle an. Beide QEMUs sind beendet und ihr Ordner entfernt.</translation>
    </message>
    <message>
        <source>The migration failed (%1): %2</source>
        <translation>Die Migration ist fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>The brush writes to the real disk; a clear has no QEMU counterpart here.</source>
        <translation>Der Pinsel schreibt auf den echten Datenträger; ein Löschen hat hier keine Entsprechung in QEMU.</translation>
    </message>
    <message>
        <source>Writes to the source&apos;s disk (what %1 of %2 records)</source>
        <translation>Schreibvorgänge auf den Datenträger der Quelle (was %1 von %2 aufzeichnet)</translation>
    </message>
    <message>
        <source>%1 dirty of %2, 1 bit = %3</source>
        <translation>%1 dirty von %2, 1 Bit = %3</translation>
    </message>
    <message>
        <source>Written with the brush</source>
        <translation>Mit dem Pinsel geschrieben</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>Stop-and-Copy</translation>
    </message>
    <message>
        <source>(after the run)</source>
        <translation>(nach dem Lauf)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Ausfallzeit</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Gesendete Bytes</translation>
    </message>
    <message>
        <source>The prediction runs the lab&apos;s %1 (what QEMU&apos;s %2 does with the bitmaps) on the same disks and bitmaps, bandwidth and downtime limit, with the same writes. QEMU&apos;s downtime includes the pause at pre-switchover where the app reads the source&apos;s SHA-256.</source>
        <translation>Die Vorhersage führt das %1 des Labors aus (was QEMUs %2 mit den Bitmaps tut), mit denselben Datenträgern und Bitmaps, derselben Bandbreite und Ausfallzeit-Grenze und denselben Schreibvorgängen. QEMUs Ausfallzeit enthält die Pause bei pre-switchover, in der die Anwendung die SHA-256 der Quelle liest.</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation>nein (%1)</translation>
    </message>
    <message>
        <source>yes, after the switch to postcopy</source>
        <translation>ja, nach dem Wechsel zu Postcopy</translation>
    </message>
    <message>
        <source>yes, once QEMU measures over %1/s</source>
        <translation>ja, sobald QEMU über %1/s misst</translation>
    </message>
    <message>
        <source>no: %1 pending, at most %2 let through</source>
        <translation>nein: %1 ausstehend, höchstens %2 durchgelassen</translation>
    </message>
    <message>
        <source>(does not complete)</source>
        <translation>(wird nicht abgeschlossen)</translation>
    </message>
    <message>
        <source>Completes</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>QEMU does not complete it, so the lab&apos;s time and downtime are not shown; the bytes are what the bitmaps would take at completion.</source>
        <translation>QEMU schließt sie nicht ab, daher werden Zeit und Ausfallzeit des Labors nicht gezeigt; die Bytes sind das, was die Bitmaps beim Abschluss bräuchten.</translation>
    </message>
</context>
<context>
    <name>bitmig::RecentFiles</name>
    <message>
        <source>&amp;Clear the list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>bitmig::SeedTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Chunk</translation>
    </message>
    <message>
        <source>Disk per meta bit</source>
        <translation>Datenträger pro Meta-Bit</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Chunks</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>Chunks of %1: one meta bit covers %2 of disk; a data record carries %3 bytes of header and %4 bytes of padding.</source>
        <translation>Chunks zu %1: Ein Meta-Bit deckt %2 des Datenträgers ab; ein Datensatz trägt %3 Bytes Header und %4 Bytes Padding.</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <source>✗: a QEMU destination cannot load a stream of these chunks (a row&apos;s tool tip says why).</source>
        <translation>✗: Ein QEMU-Ziel kann einen Datenstrom mit diesen Chunks nicht laden (der Tooltip einer Zeile sagt, warum).</translation>
    </message>
    <message>
        <source>A QEMU destination aborts on these chunks: it deserializes whole 64-bit words, and a chunk of %1 is less than one.</source>
        <translation>Ein QEMU-Ziel bricht bei diesen Chunks ab: Es deserialisiert ganze 64-Bit-Wörter, und ein Chunk von %1 ist weniger als eines.</translation>
    </message>
    <message>
        <source>A QEMU destination fails the migration with these chunks: their %1 buffers are above the %2 its loader accepts (&quot;buffer allocation request is too large&quot;).</source>
        <translation>Mit diesen Chunks lässt ein QEMU-Ziel die Migration scheitern: Ihre Puffer von %1 liegen über den %2, die sein Lader annimmt („buffer allocation request is too large“).</translation>
    </message>
</context>
<context>
    <name>bitmig::ShortcutsDialog</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>On the heatmaps: the wheel zooms, dragging pans, Shift+drag zooms into a rectangle, and with the brush Ctrl+drag clears instead of writing.</source>
        <translation>Auf den Heatmaps: Das Mausrad zoomt, Ziehen verschiebt, Umschalt+Ziehen zoomt in ein Rechteck, und mit dem Pinsel löscht Strg+Ziehen, statt zu schreiben.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder pausieren</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>bitmig::SizeSpinBox</name>
    <message>
        <source>%1 is outside %2 .. %3</source>
        <translation>%1 liegt außerhalb von %2 .. %3</translation>
    </message>
    <message>
        <source>%1 is not a power of two</source>
        <translation>%1 ist keine Zweierpotenz</translation>
    </message>
    <message>
        <source>%1 is not a multiple of %2</source>
        <translation>%1 ist kein Vielfaches von %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>bitmig::SummaryPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>Chunks sent</source>
        <translation>Gesendete Chunks</translation>
    </message>
    <message>
        <source>Writes applied</source>
        <translation>Angewandte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Ausfallzeit</translation>
    </message>
    <message>
        <source>Expected downtime</source>
        <translation>Erwartete Ausfallzeit</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Unusable window</source>
        <translation>Zeit ohne nutzbare Bitmap</translation>
    </message>
    <message>
        <source>Lost bits</source>
        <translation>Verlorene Bits</translation>
    </message>
    <message>
        <source>Source SHA-256</source>
        <translation>SHA-256 der Quelle</translation>
    </message>
    <message>
        <source>Destination SHA-256</source>
        <translation>SHA-256 des Ziels</translation>
    </message>
    <message>
        <source>no (cancelled)</source>
        <translation>nein (abgebrochen)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>yes ✓</source>
        <translation>ja ✓</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>NEIN ✗</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>Precopy</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>Postcopy</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>Anhalten und kopieren</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>finished, converged</source>
        <translation>beendet, konvergiert</translation>
    </message>
    <message>
        <source>finished, did not converge</source>
        <translation>beendet, nicht konvergiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2 resent, %3 zeroes) of %4</source>
        <translation>%1 (%2 erneut, %3 als ZEROES) von %4</translation>
    </message>
    <message>
        <source>%1 writes, %2 clears</source>
        <translation>%1 Schreib-, %2 Löschvorgänge</translation>
    </message>
    <message>
        <source>%1 (limit %2)</source>
        <translation>%1 (Limit %2)</translation>
    </message>
    <message>
        <source>%1 lost, %2 extra</source>
        <translation>%1 verloren, %2 überzählig</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>no (stopped at the time limit)</source>
        <translation>nein (beim Zeitlimit gestoppt)</translation>
    </message>
    <message>
        <source>stopped at the time limit of %1 before the migration finished</source>
        <translation>beim Zeitlimit von %1 gestoppt, bevor die Migration beendet war</translation>
    </message>
    <message>
        <source>Bitmaps</source>
        <translation>Bitmaps</translation>
    </message>
    <message>
        <source>verified ✓</source>
        <translation>geprüft ✓</translation>
    </message>
    <message>
        <source>NOT verified ✗</source>
        <translation>NICHT geprüft ✗</translation>
    </message>
    <message>
        <source>%1/%2: %3 in %4 of %5 chunks (%6 resent), %7 dirty bits, %8; SHA-256 %9</source>
        <translation>%1/%2: %3 in %4 von %5 Chunks (%6 erneut gesendet), %7 schmutzige Bits, %8; SHA-256 %9</translation>
    </message>
</context>
<context>
    <name>bitmig::SweepView</name>
    <message>
        <source>Wire bytes (MiB)</source>
        <translation>Bytes auf der Leitung (MiB)</translation>
    </message>
    <message>
        <source>Overhead (% of wire bytes)</source>
        <translation>Overhead (% der Bytes auf der Leitung)</translation>
    </message>
    <message>
        <source>Resent chunks</source>
        <translation>Erneut gesendete Chunks</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Dirty-Durchläufe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cancelling...</source>
        <translation>wird abgebrochen …</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 left</source>
        <translation>%1 von %2 Läufen, noch %3</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 von %2 Läufen</translation>
    </message>
    <message>
        <source>no sweep yet</source>
        <translation>noch keine Parameterreihe</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 runs</source>
        <translation>abgebrochen nach %1 von %2 Läufen</translation>
    </message>
    <message>
        <source>%1 runs on %2 threads</source>
        <translation>%1 Läufe auf %2 Threads</translation>
    </message>
    <message>
        <source>migration starts at %1</source>
        <translation>Migration beginnt bei %1</translation>
    </message>
    <message>
        <source>The current configuration&apos;s migration start: every run of the sweep lets the guest write alone until then.</source>
        <translation>Der Migrationsbeginn der aktuellen Konfiguration: In jedem Lauf der Reihe schreibt der Gast bis dahin allein.</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>konvergiert</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>nicht konvergiert</translation>
    </message>
    <message>
        <source>best</source>
        <translation>bester</translation>
    </message>
    <message>
        <source>downtime limit</source>
        <translation>Ausfallzeitgrenze</translation>
    </message>
    <message>
        <source>Best by %1 (%2): %3 = %4 — %5 wire bytes, downtime %6, total time %7. Click a point to run it in the window.</source>
        <translation>Bester nach %1 (%2): %3 = %4 — %5 auf der Leitung, Ausfallzeit %6, Gesamtzeit %7. Ein Klick auf einen Punkt führt ihn im Fenster aus.</translation>
    </message>
    <message>
        <source>Best by %1: none, no run verified and converged.</source>
        <translation>Bester nach %1: keiner, kein Lauf wurde verifiziert und konvergierte.</translation>
    </message>
    <message>
        <source>%1: no map to export</source>
        <translation>%1: keine Karte zum Exportieren</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Parameterreihe</translation>
    </message>
    <message>
        <source>%1: use a .csv, .json, .png or .svg file name</source>
        <translation>%1: bitte einen Dateinamen mit .csv, .json, .png oder .svg verwenden</translation>
    </message>
    <message>
        <source>%1: no finished sweep to export</source>
        <translation>%1: keine abgeschlossene Parameterreihe zum Exportieren</translation>
    </message>
    <message>
        <source>Export the sweep</source>
        <translation>Parameterreihe exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;PNG image (*.png);;SVG image (*.svg)</source>
        <translation>CSV (*.csv);;JSON (*.json);;PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Para&amp;meter:</source>
        <translation>Para&amp;meter:</translation>
    </message>
    <message>
        <source>Val&amp;ues:</source>
        <translation>Werte (&amp;u):</translation>
    </message>
    <message>
        <source>A comma list in the form bitmig sweep reads (&quot;all&quot; for every chunk size from 1 B to 1 MiB); each value is one run of the current configuration</source>
        <translation>Eine Liste mit Kommas in der Form, die bitmig sweep liest („all“ für jede Chunk-Größe von 1 B bis 1 MiB); jeder Wert ist ein Lauf der aktuellen Konfiguration</translation>
    </message>
    <message>
        <source>Best b&amp;y:</source>
        <translation>Bester nach (&amp;y):</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Reihe starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Convergence map</source>
        <translation>Konvergenzkarte</translation>
    </message>
    <message>
        <source>Sweep every chunk size against the parameter and show where the migration stops converging, coloured by downtime</source>
        <translation>Jede Chunk-Größe gegen den Parameter laufen lassen und zeigen, wo die Migration nicht mehr konvergiert, nach Ausfallzeit eingefärbt</translation>
    </message>
    <message>
        <source>Chun&amp;ks:</source>
        <translation>Chun&amp;ks:</translation>
    </message>
    <message>
        <source>%1 writes/s</source>
        <translation>%1 Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>no map yet</source>
        <translation>noch keine Karte</translation>
    </message>
    <message>
        <source>Downtime and its limit</source>
        <translation>Ausfallzeit und ihre Grenze</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Nothing to export while the sweep runs</source>
        <translation>Während die Reihe läuft, gibt es nichts zu exportieren</translation>
    </message>
    <message>
        <source>Nothing to export: no convergence map yet, press Run sweep to draw one</source>
        <translation>Nichts zu exportieren: noch keine Konvergenzkarte, „Reihe starten“ zeichnet eine</translation>
    </message>
    <message>
        <source>Nothing to export: no sweep yet, press Run sweep</source>
        <translation>Nichts zu exportieren: noch keine Parameterreihe, „Reihe starten“ drücken</translation>
    </message>
    <message>
        <source>Nothing to export: the sweep was cancelled</source>
        <translation>Nichts zu exportieren: die Reihe wurde abgebrochen</translation>
    </message>
    <message>
        <source>Save the map as SVG or PNG, or its runs as CSV or JSON</source>
        <translation>Die Karte als SVG oder PNG speichern oder ihre Läufe als CSV oder JSON</translation>
    </message>
    <message>
        <source>Save the runs as CSV or JSON, or the charts as PNG or SVG</source>
        <translation>Die Läufe als CSV oder JSON speichern oder die Diagramme als PNG oder SVG</translation>
    </message>
    <message>
        <source>Click a point to run it in the window; Ctrl+click adds it as a lane of View &gt; Compare</source>
        <translation>Ein Klick auf einen Punkt führt ihn im Fenster aus; Strg+Klick fügt ihn als Spur zu Ansicht &gt; Vergleichen hinzu</translation>
    </message>
</context>
<context>
    <name>bitmig::UnitField</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number from %2</source>
        <translation>„%1“ ist keine ganze Zahl von %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large (use a whole number from %2)</source>
        <translation>„%1“ ist zu groß (verwenden Sie eine ganze Zahl von %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too small (use a whole number from %2)</source>
        <translation>„%1“ ist zu klein (verwenden Sie eine ganze Zahl von %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>bitmig::WorkloadPanel</name>
    <message>
        <source>Workload type</source>
        <translation>Art der Arbeitslast</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Uniform random</source>
        <translation>Gleichverteilt zufällig</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>Sequenziell</translation>
    </message>
    <message>
        <source>Hot spot</source>
        <translation>Hot Spot</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source>Bursts</source>
        <translation>Bursts</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>T&amp;yp</translation>
    </message>
    <message>
        <source>Smallest write</source>
        <translation>Kleinster Schreibvorgang</translation>
    </message>
    <message>
        <source>Largest write</source>
        <translation>Größter Schreibvorgang</translation>
    </message>
    <message>
        <source>&amp;Zipf exponent</source>
        <translation>&amp;Zipf-Exponent</translation>
    </message>
    <message>
        <source>Burst &amp;period</source>
        <translation>Burst-&amp;Periode</translation>
    </message>
    <message>
        <source>Write size &amp;from</source>
        <translation>Schreibgröße &amp;von</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>b&amp;is</translation>
    </message>
    <message>
        <source>Recorded trace</source>
        <translation>Aufgezeichneter Trace</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>C&amp;hoose trace...</source>
        <translation>Trace a&amp;uswählen...</translation>
    </message>
    <message>
        <source>Replay the writes of a fio iolog, blkparse output or a CSV trace (time, offset, length, operation)</source>
        <translation>Die Schreibvorgänge eines fio-iologs, einer blkparse-Ausgabe oder eines CSV-Traces (Zeit, Offset, Länge, Operation) wiedergeben</translation>
    </message>
    <message>
        <source>&amp;No trace</source>
        <translation>Trace ent&amp;fernen</translation>
    </message>
    <message>
        <source>Stop replaying the trace</source>
        <translation>Wiedergabe des Traces beenden</translation>
    </message>
    <message>
        <source>Trace replay speed (2 = twice as fast)</source>
        <translation>Wiedergabetempo des Traces (2 = doppelt so schnell)</translation>
    </message>
    <message>
        <source>&amp;Loop the trace</source>
        <translation>Trace in Sch&amp;leife abspielen</translation>
    </message>
    <message>
        <source>Start the trace again when it ends</source>
        <translation>Den Trace nach seinem Ende von vorn beginnen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1: %2 writes, %3 clears over %4 s</source>
        <translation>%1: %2 Schreib-, %3 Löschvorgänge in %4 s</translation>
    </message>
    <message>
        <source>Guest writes per second: 20000, 20k, 1.5M (0 to 1e9)</source>
        <translation>Schreibvorgänge des Gasts pro Sekunde: 20000, 20k, 1.5M (0 bis 1e9)</translation>
    </message>
    <message>
        <source>&amp;Rate (writes/s)</source>
        <translation>&amp;Rate (Schreibvorgänge/s)</translation>
    </message>
    <message>
        <source>Share of the disk that is hot, in percent (above 0, up to 100)</source>
        <translation>Anteil des Datenträgers, der heiß ist, in Prozent (über 0, bis 100)</translation>
    </message>
    <message>
        <source>Hot &amp;area (% of disk)</source>
        <translation>Hot-&amp;Bereich (% Datenträger)</translation>
    </message>
    <message>
        <source>Share of writes that land in the hot area, in percent (0 to 100)</source>
        <translation>Anteil der Schreibvorgänge, die im heißen Bereich landen, in Prozent (0 bis 100)</translation>
    </message>
    <message>
        <source>Hot &amp;share (% of writes)</source>
        <translation>Hot-&amp;Anteil (% Schreibvorgänge)</translation>
    </message>
    <message>
        <source>Zipf exponent (skew), above 0 and up to 10</source>
        <translation>Zipf-Exponent (Schiefe), über 0 und bis 10</translation>
    </message>
    <message>
        <source>Burst period: 1 s, 250 ms</source>
        <translation>Burst-Periode: 1 s, 250 ms</translation>
    </message>
    <message>
        <source>Share of each period with writes, in percent (above 0, up to 100)</source>
        <translation>Anteil jeder Periode mit Schreibvorgängen, in Prozent (über 0, bis 100)</translation>
    </message>
    <message>
        <source>Burst &amp;duty (%)</source>
        <translation>Burst-&amp;Tastgrad (%)</translation>
    </message>
    <message>
        <source>Replay sp&amp;eed (x)</source>
        <translation>&amp;Wiedergabetempo (x)</translation>
    </message>
    <message>
        <source>must be above %1 % and at most %2 %, got %3 %</source>
        <translation>muss über %1 % und höchstens %2 % sein, erhalten: %3 %</translation>
    </message>
    <message>
        <source>must be from %1 % to %2 %, got %3 %</source>
        <translation>muss zwischen %1 % und %2 % liegen, erhalten: %3 %</translation>
    </message>
</context>
<context>
    <name>bitmig::ZoomStack</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Show a smaller part of the disk</source>
        <translation>Einen kleineren Teil des Datenträgers zeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show a larger part of the disk</source>
        <translation>Einen größeren Teil des Datenträgers zeigen</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Show the whole disk</source>
        <translation>Den ganzen Datenträger zeigen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Go back to the previous view</source>
        <translation>Zur vorherigen Ansicht zurückkehren</translation>
    </message>
</context>
<context>
    <name>bitmig::qemu::LiveBitmapReader</name>
    <message>
        <source>unknown libnbd error</source>
        <translation>unbekannter libnbd-Fehler</translation>
    </message>
    <message>
        <source>NBD: %1</source>
        <translation>NBD: %1</translation>
    </message>
    <message>
        <source>NBD: connecting to %1: %2</source>
        <translation>NBD: Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>NBD: the export does not offer %1</source>
        <translation>NBD: der Export bietet %1 nicht an</translation>
    </message>
    <message>
        <source>NBD: block status at offset %1: %2</source>
        <translation>NBD: Blockstatus an Offset %1: %2</translation>
    </message>
    <message>
        <source>NBD: block status at offset %1 described nothing</source>
        <translation>NBD: der Blockstatus an Offset %1 beschrieb nichts</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot make a folder for the NBD socket: %1</source>
        <translation>kein Ordner für den NBD-Socket anlegbar: %1</translation>
    </message>
    <message>
        <source>QEMU already runs an NBD server; name its unix socket to read through it (QEMU said: %1)</source>
        <translation>QEMU betreibt bereits einen NBD-Server; nennen Sie dessen Unix-Socket, um darüber zu lesen (QEMU meldete: %1)</translation>
    </message>
    <message>
        <source>starting an NBD server: %1</source>
        <translation>Start eines NBD-Servers: %1</translation>
    </message>
    <message>
        <source>QEMU has no block node &apos;%1&apos; (nodes: %2)</source>
        <translation>QEMU hat keinen Blockknoten &apos;%1&apos; (Knoten: %2)</translation>
    </message>
    <message>
        <source>block node &apos;%1&apos; has no bitmap &apos;%2&apos; (bitmaps: %3)</source>
        <translation>Blockknoten &apos;%1&apos; hat keine Bitmap &apos;%2&apos; (Bitmaps: %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>copying the bitmaps</source>
        <translation>Kopieren der Bitmaps</translation>
    </message>
    <message>
        <source>exporting the copies of node &apos;%1&apos;</source>
        <translation>Exportieren der Kopien von Knoten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>QEMU exited during the refresh (%1)</source>
        <translation>QEMU wurde während der Aktualisierung beendet (%1)</translation>
    </message>
</context>
<context>
    <name>bitmig::qemu::QmpClient</name>
    <message>
        <source>the QMP greeting</source>
        <translation>die QMP-Begrüßung</translation>
    </message>
    <message>
        <source>QEMU refused %1: %2 (%3)</source>
        <translation>QEMU hat %1 abgelehnt: %2 (%3)</translation>
    </message>
    <message>
        <source>QEMU did not answer %1 in time: %2</source>
        <translation>QEMU hat auf %1 nicht rechtzeitig geantwortet: %2</translation>
    </message>
    <message>
        <source>the connection to QEMU ended during %1: %2</source>
        <translation>die Verbindung zu QEMU endete während %1: %2</translation>
    </message>
    <message>
        <source>not a QMP server (during %1): %2</source>
        <translation>kein QMP-Server (während %1): %2</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>no answer to qmp_capabilities within %1 ms</source>
        <translation>keine Antwort auf qmp_capabilities innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no QMP greeting within %1 ms</source>
        <translation>keine QMP-Begrüßung innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the client closed the connection</source>
        <translation>der Client hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no %1 event within %2 ms</source>
        <translation>kein Ereignis %1 innerhalb von %2 ms</translation>
    </message>
    <message>
        <source>received data that is not a QMP greeting: %1</source>
        <translation>Daten empfangen, die keine QMP-Begrüßung sind: %1</translation>
    </message>
    <message>
        <source>a line of more than %1 bytes</source>
        <translation>eine Zeile von mehr als %1 Bytes</translation>
    </message>
    <message>
        <source>received a line that is not a JSON object: %1</source>
        <translation>eine Zeile empfangen, die kein JSON-Objekt ist: %1</translation>
    </message>
    <message>
        <source>a reply with neither &quot;return&quot; nor &quot;error&quot;</source>
        <translation>eine Antwort ohne &quot;return&quot; und ohne &quot;error&quot;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>QEMU closed the connection</source>
        <translation>QEMU hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the first line is not a QMP greeting: %1</source>
        <translation>die erste Zeile ist keine QMP-Begrüßung: %1</translation>
    </message>
</context>
</TS>
