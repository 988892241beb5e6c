<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BoundedFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation>это папка, а не файл</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket)</source>
        <translation>это не обычный файл (а устройство, канал или сокет)</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>is larger than %1 (%2 bytes)</source>
        <translation>файл больше %1 (%2 байт)</translation>
    </message>
    <message>
        <source>is larger than %1</source>
        <translation>файл больше %1</translation>
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
        <translation>ожидался заголовок «%1»</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>поле в кавычках не закрыто</translation>
    </message>
    <message>
        <source>expected 5 fields, found %1</source>
        <translation>ожидалось 5 полей, найдено: %1</translation>
    </message>
    <message>
        <source>seconds &apos;%1&apos; is not a number</source>
        <translation>значение секунд «%1» не является числом</translation>
    </message>
    <message>
        <source>value &apos;%1&apos; is not a number</source>
        <translation>значение «%1» не является числом</translation>
    </message>
    <message>
        <source>unit &apos;%1&apos; differs from the series&apos; unit &apos;%2&apos;</source>
        <translation>единица «%1» отличается от единицы ряда «%2»</translation>
    </message>
</context>
<context>
    <name>ConfigErrorText</name>
    <message>
        <source>must be above zero</source>
        <translation>значение должно быть больше нуля</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>значение не может быть отрицательным</translation>
    </message>
    <message>
        <source>must be a positive multiple of %1, got %2</source>
        <translation>значение должно быть положительным и кратным %1, получено: %2</translation>
    </message>
    <message>
        <source>must be a multiple of %1 and at least the smallest write size (%2), got %3</source>
        <translation>значение должно быть кратным %1 и не меньше наименьшего размера записи (%2), получено: %3</translation>
    </message>
    <message>
        <source>must be a power of two from %1 to %2, got %3</source>
        <translation>значение должно быть степенью двойки от %1 до %2, получено: %3</translation>
    </message>
    <message>
        <source>must be a power of two of at least %1, got %2</source>
        <translation>значение должно быть степенью двойки не меньше %1, получено: %2</translation>
    </message>
    <message>
        <source>must be between %1 and %2 writes per second, got %3</source>
        <translation>значение должно быть от %1 до %2 операций записи в секунду, получено: %3</translation>
    </message>
    <message>
        <source>must be in (%1, %2], got %3</source>
        <translation>значение должно лежать в интервале (%1, %2], получено: %3</translation>
    </message>
    <message>
        <source>must be between %1 and %2, got %3</source>
        <translation>значение должно быть от %1 до %2, получено: %3</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>значение должно быть не больше %1, получено: %2</translation>
    </message>
    <message>
        <source>the bitmap would need %1 bits at this granularity; at most %2 are allowed</source>
        <translation>при этой гранулярности битовой карте потребовалось бы битов: %1; допустимо не больше %2</translation>
    </message>
    <message>
        <source>one chunk would cover 2^32 sectors or more, which a BITS record cannot describe; use a smaller chunk or granularity</source>
        <translation>один фрагмент охватывал бы 2^32 секторов или больше, а запись BITS не может такое описать; выберите фрагмент или гранулярность поменьше</translation>
    </message>
    <message>
        <source>must be at least one tick (%1), got %2</source>
        <translation>значение должно быть не меньше одного такта (%1), получено: %2</translation>
    </message>
    <message>
        <source>must be a time of 0 or more, or -1 for a manual start</source>
        <translation>значение должно быть временем не меньше 0 или равно -1 для запуска вручную</translation>
    </message>
    <message>
        <source>must be a time of 0 or more, or -1 for no retry</source>
        <translation>значение должно быть временем не меньше 0 или равно -1, чтобы не повторять попытку</translation>
    </message>
    <message>
        <source>%1 is larger than the disk (%2)</source>
        <translation>%1 больше размера диска (%2)</translation>
    </message>
    <message>
        <source>%1: the record [%2, +%3) is past the end of the disk (%4)</source>
        <translation>%1: запись [%2, +%3) выходит за конец диска (%4)</translation>
    </message>
    <message>
        <source>the range [%1, +%2) is past the end of the disk (%3)</source>
        <translation>диапазон [%1, +%2) выходит за конец диска (%3)</translation>
    </message>
    <message>
        <source>the trace would last over %1 at this speed</source>
        <translation>при этой скорости трасса длилась бы дольше %1</translation>
    </message>
    <message>
        <source>the name must be %1 to %2 bytes long</source>
        <translation>длина имени должна быть от %1 до %2 байт</translation>
    </message>
    <message>
        <source>the run needs %1 of memory for its bitmaps, BITMIG_MEMORY_LIMIT allows %2</source>
        <translation>прогону нужно %1 памяти для битовых карт, а BITMIG_MEMORY_LIMIT разрешает %2</translation>
    </message>
    <message>
        <source>the run needs %1 of memory for its bitmaps, this machine has %2 available</source>
        <translation>прогону нужно %1 памяти для битовых карт, а на этой машине доступно %2</translation>
    </message>
    <message>
        <source>; at a granularity of %1 disks up to %2 fit</source>
        <translation>; при гранулярности %1 помещаются диски до %2</translation>
    </message>
    <message>
        <source>unknown strategy &quot;%1&quot;</source>
        <translation>неизвестная стратегия «%1»</translation>
    </message>
    <message>
        <source>unknown workload &quot;%1&quot;</source>
        <translation>неизвестная нагрузка «%1»</translation>
    </message>
    <message>
        <source>Type a size, such as 4 TiB or 512 MiB.</source>
        <translation>Введите размер, например 4 TiB или 512 MiB.</translation>
    </message>
    <message>
        <source>Type a bandwidth, such as 10 Gbit/s or 125 MB/s.</source>
        <translation>Введите пропускную способность, например 10 Gbit/s или 125 MB/s.</translation>
    </message>
    <message>
        <source>Type a duration, such as 300 ms or 1.5 s.</source>
        <translation>Введите длительность, например 300 ms или 1.5 s.</translation>
    </message>
    <message>
        <source>Type a number, such as 4000 or 1.5k.</source>
        <translation>Введите число, например 4000 или 1.5k.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number.</source>
        <translation>«%1» — не число.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long (at most 2^63 - 1 ns).</source>
        <translation>«%1» — слишком долго (не более 2^63 - 1 нс).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large.</source>
        <translation>«%1» — слишком много.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has too many decimal places.</source>
        <translation>В «%1» слишком много знаков после запятой.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown size unit &apos;%2&apos; (use B, K, M, G, T or P; binary).</source>
        <translation>В «%1» неизвестная единица размера «%2» (используйте B, K, M, G, T или P; двоичные).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown bandwidth unit &apos;%2&apos; (use bits as Mbit, Gbit or Gbps, bytes as MB/s, GB/s or MiB/s, or a bare number of bytes per second; b is a bit, B a byte).</source>
        <translation>В «%1» неизвестная единица пропускной способности «%2» (биты: Mbit, Gbit или Gbps; байты: MB/s, GB/s или MiB/s; или просто число байт в секунду; b — бит, B — байт).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown suffix &apos;%2&apos; (use k, M or G).</source>
        <translation>В «%1» неизвестный суффикс «%2» (используйте k, M или G).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of nanoseconds.</source>
        <translation>«%1» — не целое число наносекунд.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of bytes.</source>
        <translation>«%1» — не целое число байт.</translation>
    </message>
    <message>
        <source>The bandwidth must be above zero (got &apos;%1&apos;).</source>
        <translation>Пропускная способность должна быть больше нуля (получено «%1»).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size (it must start with a digit).</source>
        <translation>«%1» — не размер (значение должно начинаться с цифры).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bandwidth (it must start with a digit).</source>
        <translation>«%1» — не пропускная способность (значение должно начинаться с цифры).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration (it must start with a digit).</source>
        <translation>«%1» — не длительность (значение должно начинаться с цифры).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (it must start with a digit).</source>
        <translation>«%1» — не число (значение должно начинаться с цифры).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size.</source>
        <translation>«%1» — не размер.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bandwidth.</source>
        <translation>«%1» — не пропускная способность.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration.</source>
        <translation>«%1» — не длительность.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is named twice</source>
        <translation>&quot;%1&quot; указано дважды</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unknown time unit &apos;%2&apos; (use ns, µs or us, ms, s or min).</source>
        <translation>В «%1» неизвестная единица времени «%2» (используйте ns, µs или us, ms, s или min).</translation>
    </message>
</context>
<context>
    <name>HowItWorksPanel</name>
    <message>
        <source>The dirty bitmap</source>
        <translation>Битовая карта изменений</translation>
    </message>
    <message>
        <source>Every guest write marks the bits of the disk areas it touched, one bit per granule (64 KiB by default). The top heatmap shows it: brighter cells hold more dirty bits. Backup tools read it to copy only what changed, so it must reach the destination intact.</source>
        <translation>Каждая запись гостя помечает биты затронутых ею областей диска, по одному биту на гранулу (по умолчанию 64 KiB). Это видно на верхней тепловой карте: чем светлее ячейка, тем больше в ней установленных битов. Средства резервного копирования читают эту карту, чтобы копировать только изменённое, поэтому она должна дойти до приёмника в целости.</translation>
    </message>
    <message>
        <source>The meta bitmap</source>
        <translation>Мета-битовая карта</translation>
    </message>
    <message>
        <source>A bitmap of the bitmap: one bit per chunk of serialized bitmap. It lights up when any bit of its chunk changes, set or cleared, and goes dark when the chunk is sent. Its cells line up with the disk area their chunk describes.</source>
        <translation>Битовая карта битовой карты: один бит на фрагмент сериализованной карты. Бит загорается, когда меняется любой бит его фрагмента (устанавливается или сбрасывается), и гаснет, когда фрагмент отправлен. Её ячейки расположены напротив той области диска, которую описывает их фрагмент.</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Подготовка</translation>
    </message>
    <message>
        <source>The source sends a START record naming the device and the bitmap with its granularity, so the destination can create an empty bitmap of the same shape.</source>
        <translation>Источник отправляет запись START с именами устройства и битовой карты и её гранулярностью, чтобы приёмник мог создать пустую битовую карту той же формы.</translation>
    </message>
    <message>
        <source>Bulk pass</source>
        <translation>Основной проход</translation>
    </message>
    <message>
        <source>Every chunk is sent once, in disk order, while the guest keeps running; an all-zero chunk goes as a short ZEROES record. Writes behind the moving cursor re-dirty chunks that were already sent: their meta bits light up again.</source>
        <translation>Каждый фрагмент отправляется один раз, по порядку диска, пока гость продолжает работать; полностью нулевой фрагмент уходит короткой записью ZEROES. Операции записи позади движущегося курсора снова делают изменёнными уже отправленные фрагменты: их мета-биты загораются снова.</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Проходы по изменённым</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <source>The guest is paused, the remaining dirty chunks and a COMPLETE record are sent. This time is the downtime the guest sees; the expected downtime was checked against the limit before pausing.</source>
        <translation>Гость приостанавливается, отправляются оставшиеся изменённые фрагменты и запись COMPLETE. Это время и есть время простоя, которое видит гость; ожидаемое время простоя было сверено с лимитом до приостановки.</translation>
    </message>
    <message>
        <source>Done and verified</source>
        <translation>Готово и проверено</translation>
    </message>
    <message>
        <source>The destination bitmap is compared bit by bit with what the source tracked. A lost bit would be a bug, never a statistic: the summary shows it.</source>
        <translation>Битовая карта приёмника побитно сравнивается с тем, что отслеживал источник. Потерянный бит был бы ошибкой, а не статистикой: сводка его покажет.</translation>
    </message>
    <message>
        <source>Postcopy instead</source>
        <translation>Вместо этого: посткопирование</translation>
    </message>
    <message>
        <source>Stop and copy instead</source>
        <translation>Вместо этого: остановка и копирование</translation>
    </message>
    <message>
        <source>Each pass resends the chunks whose meta bit is lit. The migration converges when the bitmap bytes re-dirtied per second stay below the link&apos;s bandwidth, so the pending set shrinks until it fits into bandwidth × maximum downtime. A big chunk makes one write resend a lot; a tiny chunk pays a record header for every few bytes.</source>
        <translation>Каждый проход повторно отправляет фрагменты, мета-бит которых горит. Миграция сходится, если число байтов битовой карты, повторно изменяемых за секунду, остаётся ниже пропускной способности канала: тогда остаток сокращается, пока не уложится в пропускную способность × максимальное время простоя. При большом фрагменте одна операция записи вызывает много повторной передачи; крошечный фрагмент платит заголовком записи потока за каждые несколько байтов.</translation>
    </message>
    <message>
        <source>The guest moves to the destination at once; its new writes go to a successor bitmap there. The source sends the whole bitmap once and COMPLETE merges the two. No bitmap bytes add to downtime, but the bitmap is unusable until COMPLETE. This is what QEMU does when a migration switches to postcopy.</source>
        <translation>Гость сразу переходит на приёмник; его новые записи попадают там в карту-преемник. Источник отправляет всю битовую карту один раз, и COMPLETE объединяет обе карты. Байты битовой карты не увеличивают время простоя, но до COMPLETE карта непригодна к использованию. Так поступает QEMU, когда миграция переходит в режим postcopy.</translation>
    </message>
    <message>
        <source>The baseline: pause the guest and send the whole bitmap. Simple and exact, but the downtime is the bitmap&apos;s size divided by the bandwidth. It is what QEMU&apos;s precopy does with bitmaps today: every bitmap of every disk goes in the final section, while the guest is paused. The precopy with a meta bitmap shown above is the 2015 proposal, which was never merged.</source>
        <translation>Базовый вариант: приостановить гостя и отправить всю битовую карту. Просто и точно, но время простоя равно размеру битовой карты, делённому на пропускную способность. Именно так precopy в QEMU обращается с битовыми картами сегодня: все карты всех дисков уходят в последней секции, пока гость приостановлен. Предкопирование с мета-картой, показанное выше, — предложение 2015 года, которое так и не было принято.</translation>
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
        <translation>Наблюдение за живой миграцией битовых карт изменений блочных устройств и управление ею.</translation>
    </message>
    <message>
        <source>Start the simulated clock at once.</source>
        <translation>Сразу запустить часы симуляции.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window and quit (see --after).</source>
        <translation>Сохранить PNG главного окна и выйти (см. --after).</translation>
    </message>
    <message>
        <source>Milliseconds of wall time before the screenshot (default 2000).</source>
        <translation>Миллисекунды реального времени до снимка экрана (по умолчанию 2000).</translation>
    </message>
    <message>
        <source>Print frame-time percentiles on exit.</source>
        <translation>При выходе вывести перцентили времени кадра.</translation>
    </message>
    <message>
        <source>Load a scenario file at start.</source>
        <translation>Загрузить файл сценария при запуске.</translation>
    </message>
    <message>
        <source>User-interface language: en, de or ru.</source>
        <translation>Язык интерфейса: en, de или ru.</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Цветовая тема: system, light или dark.</translation>
    </message>
    <message>
        <source>Start with the defaults; neither read nor write saved settings.</source>
        <translation>Запуститься с настройками по умолчанию; не читать и не записывать сохранённые настройки.</translation>
    </message>
    <message>
        <source>--after: &apos;%1&apos; is not a number of milliseconds</source>
        <translation>--after: «%1» — не число миллисекунд</translation>
    </message>
    <message>
        <source>--screenshot: the folder of &apos;%1&apos; does not exist</source>
        <translation>--screenshot: папка для «%1» не существует</translation>
    </message>
    <message>
        <source>--after: only meaningful with --screenshot</source>
        <translation>--after: имеет смысл только вместе с --screenshot</translation>
    </message>
    <message>
        <source>--lang: &apos;%1&apos; is not one of en, de, ru</source>
        <translation>--lang: «%1» — не одно из en, de, ru</translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not one of system, light, dark</source>
        <translation>--theme: «%1» — не одно из system, light, dark</translation>
    </message>
    <message>
        <source>--scenario: %1</source>
        <translation>--scenario: %1</translation>
    </message>
    <message>
        <source>--screenshot: cannot write &apos;%1&apos;</source>
        <translation>--screenshot: не удаётся записать «%1»</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second (0.001 to 1000).</source>
        <translation>Симулированных секунд на секунду реального времени (от 0.001 до 1000).</translation>
    </message>
    <message>
        <source>--speed: &apos;%1&apos; is not a number from 0.001 to 1000</source>
        <translation>--speed: «%1» — не число от 0.001 до 1000</translation>
    </message>
</context>
<context>
    <name>QemuFileExport</name>
    <message>
        <source>%1 not written: the run has not completed and verified; a migration file holds a completed migration</source>
        <translation>%1 не записан: прогон не завершён и не проверен; файл миграции содержит завершённую миграцию</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination aborts on %2 B chunks (it deserializes whole 64-bit words: use chunks of 8 B or more)</source>
        <translation>%1 не записан: приёмник QEMU аварийно завершается на фрагментах по %2 B (он десериализует целые 64-битные слова: используйте фрагменты от 8 B)</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination fails the migration: %2 B buffers are above the %3 B its loader accepts (&quot;buffer allocation request is too large&quot;; use chunks of 8 KiB or less)</source>
        <translation>%1 не записан: на приёмнике QEMU миграция завершается ошибкой: буферы по %2 B больше %3 B, которые принимает его загрузчик (&quot;buffer allocation request is too large&quot;; используйте фрагменты до 8 KiB)</translation>
    </message>
    <message>
        <source>%1 not written: the run on screen differs from a run of its parameters (the brush or a workload change altered it while it ran), and its own stream was not recorded</source>
        <translation>%1 не записан: показанный прогон отличается от прогона с его параметрами (кисть или смена нагрузки изменили его по ходу), а его собственный поток не записывался</translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation>%1 не записан: %2</translation>
    </message>
    <message>
        <source>%1 not written: a QEMU destination refuses it at byte %2: &quot;%3&quot;</source>
        <translation>%1 не записан: приёмник QEMU отклоняет его на байте %2: &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>строка %1, столбец %2</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Сценарии (*.json)</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation>не удаётся записать: %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>логическое значение</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>строка</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>массив</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>объект</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>ожидается %1, получено: %2</translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation>неизвестный ключ (возможно, имелся в виду «%1»?)</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>неизвестный ключ</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>значение не может быть отрицательным</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>значение должно быть целым числом</translation>
    </message>
    <message>
        <source>a size (a string such as &quot;64K&quot; or a number of bytes)</source>
        <translation>размер (строка вида &quot;64K&quot; или число байтов)</translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation>значение должно быть больше нуля</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a unit (ns, us, ms, s, min or h); a JSON number is nanoseconds</source>
        <translation>для «%1» нужна единица измерения (ns, us, ms, s, min или h); число JSON означает наносекунды</translation>
    </message>
    <message>
        <source>a duration (a string such as &quot;300ms&quot; or a number of nanoseconds)</source>
        <translation>длительность (строка вида &quot;300ms&quot; или число наносекунд)</translation>
    </message>
    <message>
        <source>a size or a range (a string such as &quot;4K..64K&quot; or a number of bytes)</source>
        <translation>размер или диапазон (строка вида &quot;4K..64K&quot; или число байтов)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SIZE or MIN..MAX</source>
        <translation>«%1» — не SIZE и не MIN..MAX</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the maximum is below the minimum</source>
        <translation>«%1»: максимум меньше минимума</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a workload (use idle, uniform, sequential, hotspot, zipf or bursts)</source>
        <translation>«%1» — не тип нагрузки (используйте idle, uniform, sequential, hotspot, zipf или bursts)</translation>
    </message>
    <message>
        <source>a number of writes per second</source>
        <translation>число операций записи в секунду</translation>
    </message>
    <message>
        <source>missing (time, offset and length are required)</source>
        <translation>отсутствует (time, offset и length обязательны)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an operation (use write or clear)</source>
        <translation>«%1» — не операция (используйте write или clear)</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>на верхнем уровне ожидается объект JSON</translation>
    </message>
    <message>
        <source>missing; a scenario file starts with &quot;format&quot;: &quot;%1&quot;</source>
        <translation>отсутствует; файл сценария начинается с &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scenario (expected &quot;%2&quot;)</source>
        <translation>«%1» — не сценарий (ожидается «%2»)</translation>
    </message>
    <message>
        <source>missing; this program writes version %1</source>
        <translation>отсутствует; эта программа записывает версию %1</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <source>version %1 is newer than this program, which reads version %2 and older</source>
        <translation>версия %1 новее этой программы, которая читает версию %2 и более ранние</translation>
    </message>
    <message>
        <source>version %1 does not exist; versions start at 1</source>
        <translation>версии %1 не существует; версии начинаются с 1</translation>
    </message>
    <message>
        <source>must be a power of two of at least 512 bytes, got %1</source>
        <translation>значение должно быть степенью двойки не меньше 512 байт, получено: %1</translation>
    </message>
    <message>
        <source>must be a power of two from 1 B to 1 MiB, got %1</source>
        <translation>значение должно быть степенью двойки от 1 B до 1 MiB, получено: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a strategy (use precopy, postcopy or stop-copy)</source>
        <translation>«%1» — не стратегия (используйте precopy, postcopy или stop-copy)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from 0 to 2^64 - 1</source>
        <translation>«%1» — не целое число от 0 до 2^64 - 1</translation>
    </message>
    <message>
        <source>an object or null</source>
        <translation>объект или null</translation>
    </message>
    <message>
        <source>missing (the trace file, relative to the scenario)</source>
        <translation>отсутствует (файл трассы, путь относительно сценария)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>needs version %1 of the format; the file says version %2</source>
        <translation>требуется версия формата %1; в файле указана версия %2</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>значение должно быть не больше %1, получено: %2</translation>
    </message>
    <message>
        <source>must be at most 2^63 - 1 ns (about 292 years), got %1</source>
        <translation>значение должно быть не больше 2^63 - 1 ns (около 292 лет), получено: %1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>не существует</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>это папка, а не файл</translation>
    </message>
    <message>
        <source>a raw control character (U+%1) inside a string; JSON needs it escaped as \u%1</source>
        <translation>неэкранированный управляющий символ (U+%1) внутри строки; в JSON его нужно записать как \u%1</translation>
    </message>
    <message>
        <source>a raw control character (U+%1) is not JSON</source>
        <translation>неэкранированный управляющий символ (U+%1) недопустим в JSON</translation>
    </message>
    <message>
        <source>the key appears twice in one object, on line %1 and on line %2 (a reader would silently keep only one)</source>
        <translation>ключ встречается в одном объекте дважды, в строке %1 и в строке %2 (при чтении молча остался бы только один)</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket)</source>
        <translation>это не обычный файл (а устройство, канал или сокет)</translation>
    </message>
    <message>
        <source>an array of times</source>
        <translation>массив моментов времени</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>массив объектов</translation>
    </message>
    <message>
        <source>must list at least one</source>
        <translation>должен содержать хотя бы один элемент</translation>
    </message>
    <message>
        <source>missing; every disk names its node</source>
        <translation>отсутствует; каждый диск указывает свой узел</translation>
    </message>
    <message>
        <source>missing; every disk gives its size</source>
        <translation>отсутствует; каждый диск указывает свой размер</translation>
    </message>
    <message>
        <source>missing; every bitmap names the node of its disk</source>
        <translation>отсутствует; каждая битовая карта указывает узел своего диска</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the node of a disk in &quot;disks&quot;</source>
        <translation>&quot;%1&quot; не является узлом диска из &quot;disks&quot;</translation>
    </message>
    <message>
        <source>the bitmaps are listed disk by disk, in the order of &quot;disks&quot;</source>
        <translation>битовые карты перечисляются по дискам, в порядке &quot;disks&quot;</translation>
    </message>
    <message>
        <source>missing; every bitmap has a name</source>
        <translation>отсутствует; у каждой битовой карты есть имя</translation>
    </message>
    <message>
        <source>missing; &quot;disks&quot; and &quot;bitmaps&quot; go together</source>
        <translation>отсутствует; &quot;disks&quot; и &quot;bitmaps&quot; задаются вместе</translation>
    </message>
    <message>
        <source>not with &quot;disks&quot; and &quot;bitmaps&quot;, where each disk and bitmap gives its own</source>
        <translation>не вместе с &quot;disks&quot; и &quot;bitmaps&quot;, где каждый диск и каждая битовая карта задают своё значение</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>precopy</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>postcopy</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>stop and copy</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>чанки по %1</translation>
    </message>
    <message>
        <source>%1 granularity</source>
        <translation>гранулярность %1</translation>
    </message>
    <message>
        <source>latency %1</source>
        <translation>задержка %1</translation>
    </message>
    <message>
        <source>max downtime %1</source>
        <translation>макс. простой %1</translation>
    </message>
    <message numerus="yes">
        <source>%n passes</source>
        <translation>
            <numerusform>%n проход</numerusform>
            <numerusform>%n прохода</numerusform>
            <numerusform>%n проходов</numerusform>
        </translation>
    </message>
    <message>
        <source>no complete-only threshold</source>
        <translation>без порога отправки целиком</translation>
    </message>
    <message>
        <source>complete below %1</source>
        <translation>целиком ниже %1</translation>
    </message>
    <message>
        <source>Lane %1</source>
        <translation>Дорожка %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a comparison has 2 to 4 lanes, got %1</source>
        <translation>в сравнении от 2 до 4 дорожек, получено %1</translation>
    </message>
    <message>
        <source>not with &quot;disks&quot; and &quot;bitmaps&quot;, where each bitmap gives its own</source>
        <translation>не вместе с &quot;disks&quot; и &quot;bitmaps&quot;, где каждая битовая карта задаёт свою</translation>
    </message>
    <message>
        <source>the %1 lanes together need %2 of memory for their bitmaps, this machine has %3 available</source>
        <translation>%1 дорожкам вместе нужно %2 памяти для битовых карт, на этой машине доступно %3</translation>
    </message>
    <message>
        <source>missing (offset and length are required)</source>
        <translation>отсутствует (offset и length обязательны)</translation>
    </message>
    <message>
        <source>the range [%1, +%2) is past the end of disk &quot;%3&quot; (%4 bytes)</source>
        <translation>диапазон [%1, +%2) выходит за конец диска &quot;%3&quot; (%4 байт)</translation>
    </message>
</context>
<context>
    <name>SweepParameters</name>
    <message>
        <source>Chunk size</source>
        <translation>Размер фрагмента</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Гранулярность</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Пропускная способность</translation>
    </message>
    <message>
        <source>Write rate</source>
        <translation>Частота записи</translation>
    </message>
    <message>
        <source>Downtime limit</source>
        <translation>Предел простоя</translation>
    </message>
    <message>
        <source>Migration start</source>
        <translation>Начало миграции</translation>
    </message>
    <message>
        <source>bandwidth (Mbit/s)</source>
        <translation>пропускная способность (Mbit/s)</translation>
    </message>
    <message>
        <source>write rate (writes/s)</source>
        <translation>частота записи (записей/с)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a power of two from %2 to %3</source>
        <translation>«%1» — не степень двойки от %2 до %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty value</source>
        <translation>в «%1» есть пустое значение</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>chunk size</source>
        <translation>размер фрагмента</translation>
    </message>
    <message>
        <source>granularity</source>
        <translation>гранулярность</translation>
    </message>
    <message>
        <source>downtime limit</source>
        <translation>предел простоя</translation>
    </message>
    <message>
        <source>migration start</source>
        <translation>начало миграции</translation>
    </message>
</context>
<context>
    <name>ViewExporter</name>
    <message>
        <source>Exported from Bitmap Migration Lab</source>
        <translation>Экспортировано из Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the name must end in .png or .svg</source>
        <translation>Не удаётся записать %1: имя должно оканчиваться на .png или .svg</translation>
    </message>
    <message>
        <source>Cannot write %1: the image could not be encoded</source>
        <translation>Не удаётся записать %1: не удалось закодировать изображение</translation>
    </message>
</context>
<context>
    <name>bitmig</name>
    <message>
        <source>one run per chunk size</source>
        <translation>по прогону на размер фрагмента</translation>
    </message>
    <message>
        <source>Convergence map</source>
        <translation>Карта сходимости</translation>
    </message>
    <message>
        <source>Convergence map: downtime by chunk size and %1</source>
        <translation>Карта сходимости: простой по размеру фрагмента и %1</translation>
    </message>
    <message>
        <source>colour: downtime against its limit; crossed out: did not converge within the pass cap; thick line: where convergence stops; ring: the current configuration</source>
        <translation>цвет: простой относительно предела; перечёркнуто: не сошлась за допустимое число проходов; толстая линия: где сходимость прекращается; кольцо: текущая конфигурация</translation>
    </message>
    <message>
        <source>downtime %1 of %2</source>
        <translation>простой %1 из %2</translation>
    </message>
    <message>
        <source>did not converge: %1 dirty passes</source>
        <translation>не сошлась: %1 проходов</translation>
    </message>
    <message>
        <source>the current configuration</source>
        <translation>текущая конфигурация</translation>
    </message>
    <message>
        <source>chunk size</source>
        <translation>размер фрагмента</translation>
    </message>
    <message>
        <source>at the limit</source>
        <translation>на пределе</translation>
    </message>
    <message>
        <source>no downtime</source>
        <translation>без простоя</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>не сошлась</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>не запускалась</translation>
    </message>
    <message>
        <source>ring: current configuration</source>
        <translation>кольцо: текущая конфигурация</translation>
    </message>
    <message>
        <source>the current configuration is not on the map</source>
        <translation>текущей конфигурации нет на карте</translation>
    </message>
    <message>
        <source>fewest wire bytes among verified and converged points</source>
        <translation>меньше всего байтов в канале среди проверенных и сошедшихся точек</translation>
    </message>
    <message>
        <source>shortest downtime among verified and converged points</source>
        <translation>кратчайший простой среди проверенных и сошедшихся точек</translation>
    </message>
    <message>
        <source>shortest total time among verified and converged points</source>
        <translation>кратчайшее общее время среди проверенных и сошедшихся точек</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not I/N (shard I of N, whole numbers, e.g. 2/7)</source>
        <translation>«%1» — не I/N (часть I из N, целые числа, например 2/7)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: N must be from 1 to %2</source>
        <translation>«%1»: N должно быть от 1 до %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: I must be from 1 to N (%2)</source>
        <translation>«%1»: I должно быть от 1 до N (%2)</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>нет %1</translation>
    </message>
    <message>
        <source>sweep.chunks is not a list of chunk sizes</source>
        <translation>sweep.chunks — не список размеров фрагмента</translation>
    </message>
    <message>
        <source>sweep.vary needs a name and sweep.varyValues a list of values</source>
        <translation>sweep.vary требует имени, а sweep.varyValues — списка значений</translation>
    </message>
    <message>
        <source>sweep.varyValues holds a value that is not text</source>
        <translation>в sweep.varyValues есть значение, которое не является текстом</translation>
    </message>
    <message>
        <source>sweep.config is missing</source>
        <translation>нет sweep.config</translation>
    </message>
    <message>
        <source>sweep.points does not match its chunks and values</source>
        <translation>sweep.points не соответствует фрагментам и значениям</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>не JSON: %1 в байте %2</translation>
    </message>
    <message>
        <source>not a sweep shard (written by bitmig sweep --shard)</source>
        <translation>не часть серии (такую пишет bitmig sweep --shard)</translation>
    </message>
    <message>
        <source>shard format version %1, this bitmig reads version %2</source>
        <translation>часть в формате версии %1, этот bitmig читает версию %2</translation>
    </message>
    <message>
        <source>shard %1 of %2 is not a shard I of N with 1 &lt;= I &lt;= N</source>
        <translation>часть %1 из %2 — не часть I из N при 1 &lt;= I &lt;= N</translation>
    </message>
    <message>
        <source>sweep is missing</source>
        <translation>нет sweep</translation>
    </message>
    <message>
        <source>points is not a list</source>
        <translation>points — не список</translation>
    </message>
    <message>
        <source>no shard files given</source>
        <translation>не указаны файлы частей</translation>
    </message>
    <message>
        <source>a shard of another sweep than %1 (%2 differs)</source>
        <translation>часть другой серии, чем %1 (отличается %2)</translation>
    </message>
    <message>
        <source>shard %1/%2, but %3 is one of %4 shards</source>
        <translation>часть %1/%2, но %3 — одна из %4 частей</translation>
    </message>
    <message>
        <source>shard %1/%2 is given twice (also %3)</source>
        <translation>часть %1/%2 указана дважды (также %3)</translation>
    </message>
    <message>
        <source>shards missing: %1 (%2 of %3 given)</source>
        <translation>не хватает частей: %1 (указано %2 из %3)</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 — не объект</translation>
    </message>
    <message>
        <source>%1.index %2 is past the sweep&apos;s %3 points</source>
        <translation>%1.index %2 выходит за %3 точек серии</translation>
    </message>
    <message>
        <source>%1.index %2 is not a point of shard %3/%4</source>
        <translation>%1.index %2 — не точка части %3/%4</translation>
    </message>
    <message>
        <source>%1.index %2 is given twice</source>
        <translation>%1.index %2 указан дважды</translation>
    </message>
    <message>
        <source>%1.summary is missing or has no config</source>
        <translation>%1.summary отсутствует или не содержит config</translation>
    </message>
    <message>
        <source>%1.status &apos;%2&apos; is not ran, skipped or error</source>
        <translation>%1.status «%2» — не ran, skipped или error</translation>
    </message>
    <message>
        <source>point %1 of shard %2/%3 is missing (a cut-off file?)</source>
        <translation>нет точки %1 части %2/%3 (файл обрезан?)</translation>
    </message>
</context>
<context>
    <name>bitmig::AttachDialog</name>
    <message>
        <source>Attach to QEMU</source>
        <translation>Подключиться к QEMU</translation>
    </message>
    <message>
        <source>The QMP socket of a running QEMU, as given by -qmp unix:PATH,server=on,wait=off</source>
        <translation>QMP-сокет работающего QEMU, заданный как -qmp unix:ПУТЬ,server=on,wait=off</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Обзор...</translation>
    </message>
    <message>
        <source>QMP socket</source>
        <translation>QMP-сокет</translation>
    </message>
    <message>
        <source>none: a private one is started</source>
        <translation>нет: запускается собственный</translation>
    </message>
    <message>
        <source>Only when the VM already runs an NBD server (QEMU runs one at most): its unix socket</source>
        <translation>Только если в ВМ уже работает сервер NBD (QEMU запускает не более одного): его unix-сокет</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>QMP socket:</source>
        <translation>QMP-сокет:</translation>
    </message>
    <message>
        <source>The VM&apos;s NBD server:</source>
        <translation>Сервер NBD ВМ:</translation>
    </message>
    <message>
        <source>Reads the dirty bitmaps of a running QEMU. Each refresh copies the watched bitmaps, reads the copies over NBD and removes them again.</source>
        <translation>Читает битовые карты изменений работающего QEMU. Каждое обновление копирует наблюдаемые битовые карты, читает копии через NBD и снова удаляет их.</translation>
    </message>
    <message>
        <source>Name the QMP socket of a running QEMU.</source>
        <translation>Укажите QMP-сокет работающего QEMU.</translation>
    </message>
    <message>
        <source>Cannot attach to %1: %2</source>
        <translation>Не удаётся подключиться к %1: %2</translation>
    </message>
</context>
<context>
    <name>bitmig::BitmapSelector</name>
    <message>
        <source>&amp;Bitmap:</source>
        <translation>&amp;Битовая карта:</translation>
    </message>
    <message>
        <source>The bitmap the heatmaps show: the run migrates every one of them</source>
        <translation>Битовая карта, которую показывают тепловые карты: прогон переносит их все</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartModel</name>
    <message>
        <source>Payload (bitmap bytes)</source>
        <translation>Полезная нагрузка (байты карты)</translation>
    </message>
    <message>
        <source>Headers and framing</source>
        <translation>Заголовки и кадрирование</translation>
    </message>
    <message>
        <source>Per interval</source>
        <translation>За интервал</translation>
    </message>
    <message>
        <source>Since the start</source>
        <translation>С начала</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Budget: what the max downtime allows</source>
        <translation>Бюджет: сколько позволяет макс. время простоя</translation>
    </message>
    <message>
        <source>Re-dirtied bitmap bytes/s (left)</source>
        <translation>Снова изменённые байты карты/с (слева)</translation>
    </message>
    <message>
        <source>Guest writes/s (right)</source>
        <translation>Записи гостя/с (справа)</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartScales</name>
    <message>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 writes/s</source>
        <translation>%1 записей/с</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 мкс</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 нс</translation>
    </message>
</context>
<context>
    <name>bitmig::ChartsFold</name>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Графики</translation>
    </message>
    <message>
        <source>&amp;Automatic (now the figures line)</source>
        <translation>&amp;Автоматически (сейчас строка показателей)</translation>
    </message>
    <message>
        <source>&amp;Automatic (now the charts)</source>
        <translation>&amp;Автоматически (сейчас графики)</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Автоматически</translation>
    </message>
    <message>
        <source>Always the &amp;charts</source>
        <translation>Всегда &amp;графики</translation>
    </message>
    <message>
        <source>The four charts whatever the size of the window</source>
        <translation>Четыре графика при любом размере окна</translation>
    </message>
    <message>
        <source>Always the &amp;figures line</source>
        <translation>Всегда &amp;строка показателей</translation>
    </message>
    <message>
        <source>The charts&apos; key figures: the window has no room to draw the charts readably (View &gt; Charts)</source>
        <translation>Основные показатели графиков: в окне нет места, чтобы нарисовать графики читаемо (Вид &gt; Графики)</translation>
    </message>
    <message>
        <source>The charts&apos; key figures (View &gt; Charts)</source>
        <translation>Основные показатели графиков (Вид &gt; Графики)</translation>
    </message>
    <message>
        <source>The charts where there is room to read them, otherwise their key figures as a line of text</source>
        <translation>Графики, когда для них хватает места, иначе их основные показатели строкой текста</translation>
    </message>
    <message>
        <source>The run&apos;s key figures as a line of text instead of the charts, the heatmaps taking the room</source>
        <translation>Основные показатели прогона строкой текста вместо графиков; место занимают тепловые карты</translation>
    </message>
</context>
<context>
    <name>bitmig::CompareWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>остановлено на пределе времени</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начато</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>setup</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>bulk</translation>
    </message>
    <message>
        <source>dirty pass %1</source>
        <translation>грязный проход %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>yes ✓</source>
        <translation>да ✓</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>НЕТ ✗</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Фаза</translation>
    </message>
    <message>
        <source>Downtime / limit</source>
        <translation>Простой / предел</translation>
    </message>
    <message>
        <source>Converged</source>
        <translation>Сошлось</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Проходы по изменённым</translation>
    </message>
    <message>
        <source>Wire bytes</source>
        <translation>Байты в канале</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Накладные расходы</translation>
    </message>
    <message>
        <source>Resent chunks</source>
        <translation>Повторно отправленные фрагменты</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Общее время</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <source>Start migration</source>
        <translation>Начать миграцию</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Добавить дорожку</translation>
    </message>
    <message>
        <source>Add a copy of the lane chosen in Lane parameters (at most 4 lanes)</source>
        <translation>Добавить копию дорожки, выбранной в параметрах дорожки (не больше 4 дорожек)</translation>
    </message>
    <message>
        <source>Remove lane</source>
        <translation>Удалить дорожку</translation>
    </message>
    <message>
        <source>Remove the lane chosen in Lane parameters (at least 2 lanes stay)</source>
        <translation>Удалить дорожку, выбранную в параметрах дорожки (остаются не меньше 2 дорожек)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Панорама</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Кисть</translation>
    </message>
    <message>
        <source>Write where you click or drag, in every lane (Ctrl clears instead)</source>
        <translation>Запись там, где вы щёлкаете или ведёте, во всех дорожках (с Ctrl — очистка)</translation>
    </message>
    <message>
        <source>&amp;Open comparison...</source>
        <translation>&amp;Открыть сравнение...</translation>
    </message>
    <message>
        <source>&amp;Save comparison as...</source>
        <translation>&amp;Сохранить сравнение как...</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Экспорт...</translation>
    </message>
    <message>
        <source>The comparison as PNG or SVG, the lanes&apos; summaries as CSV or JSON</source>
        <translation>Сравнение в PNG или SVG, сводки дорожек в CSV или JSON</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Дорожки</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Скорость симуляции</translation>
    </message>
    <message>
        <source>Lane parameters</source>
        <translation>Параметры дорожки</translation>
    </message>
    <message>
        <source>Lane:</source>
        <translation>Дорожка:</translation>
    </message>
    <message>
        <source>Disk, workload, seed and clock are shared: an edit there applies to every lane.</source>
        <translation>Диск, нагрузка, seed и часы общие: изменение в них действует на все дорожки.</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Сравнение прогонов</translation>
    </message>
    <message>
        <source>Compare window</source>
        <translation>Окно сравнения</translation>
    </message>
    <message>
        <source>This run differs from the others in a value every lane shares (the disk, the workload, the seed or the clock): open it as the run instead.</source>
        <translation>Этот прогон отличается от остальных значением, общим для всех дорожек (диск, нагрузка, seed или часы): откройте его как прогон.</translation>
    </message>
    <message>
        <source>A comparison has at most 4 lanes: remove one to add this run.</source>
        <translation>В сравнении не больше 4 дорожек: удалите одну, чтобы добавить этот прогон.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>simulated time %1 s</source>
        <translation>симулированное время %1 с</translation>
    </message>
    <message>
        <source>achieved %1x</source>
        <translation>достигнуто %1x</translation>
    </message>
    <message>
        <source>the best of the lanes</source>
        <translation>лучшее среди дорожек</translation>
    </message>
    <message>
        <source>differs between the lanes</source>
        <translation>различается между дорожками</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>missing: this scenario is one run, not a comparison (open it from the main window&apos;s File menu)</source>
        <translation>отсутствует: этот сценарий — один прогон, а не сравнение (откройте его из меню «Файл» главного окна)</translation>
    </message>
    <message>
        <source>%1: use .png or .svg for the view, .csv or .json for the summaries</source>
        <translation>%1: используйте .png или .svg для вида, .csv или .json для сводок</translation>
    </message>
    <message>
        <source>Open comparison</source>
        <translation>Открыть сравнение</translation>
    </message>
    <message>
        <source>Save comparison as</source>
        <translation>Сохранить сравнение как</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Экспорт сравнения</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;Summaries as CSV (*.csv);;Summaries as JSON (*.json)</source>
        <translation>Изображение PNG (*.png);;Изображение SVG (*.svg);;Сводки в CSV (*.csv);;Сводки в JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Экспортировано: %1</translation>
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
        <translation>Пояснение к текущей фазе</translation>
    </message>
</context>
<context>
    <name>bitmig::FieldMessages</name>
    <message>
        <source>Problem with %1</source>
        <translation>Проблема с полем: %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Не применено: %1</translation>
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
        <translation>Основные показатели прогона</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 с</translation>
    </message>
    <message>
        <source>pending %1 (budget %2)</source>
        <translation>остаток %1 (бюджет %2)</translation>
    </message>
    <message>
        <source>pending %1</source>
        <translation>остаток %1</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>канал %1</translation>
    </message>
    <message>
        <source>re-dirtied %1</source>
        <translation>снова изменено %1</translation>
    </message>
    <message>
        <source>sent %1, %2 % headers</source>
        <translation>отправлено %1, заголовки %2 %</translation>
    </message>
    <message>
        <source>downtime %1 ms</source>
        <translation>время простоя %1 мс</translation>
    </message>
</context>
<context>
    <name>bitmig::FrameStats</name>
    <message>
        <source>frames %1  p50 %2 ms  p90 %3 ms  p99 %4 ms  max %5 ms</source>
        <translation>кадры %1  p50 %2 мс  p90 %3 мс  p99 %4 мс  макс. %5 мс</translation>
    </message>
</context>
<context>
    <name>bitmig::HeatmapLegend</name>
    <message>
        <source>dirty</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>clean (no bit set)</source>
        <translation>чисто (нет установленных битов)</translation>
    </message>
    <message>
        <source>destination differs from source</source>
        <translation>приёмник отличается от источника</translation>
    </message>
    <message>
        <source>chunk being sent</source>
        <translation>отправляемый фрагмент</translation>
    </message>
</context>
<context>
    <name>bitmig::HeatmapView</name>
    <message>
        <source>Dirty bitmap heatmaps</source>
        <translation>Тепловые карты битовой карты изменений</translation>
    </message>
    <message>
        <source>Source dirty bitmap, meta bitmap and destination bitmap of the migration</source>
        <translation>Битовая карта изменений источника, мета-битовая карта и битовая карта приёмника при миграции</translation>
    </message>
    <message>
        <source>Showing %1 to %2 of %3; %4 dirty bits, %5 dirty chunks</source>
        <translation>Показано с %1 по %2 из %3; установленных битов: %4, изменённых фрагментов: %5</translation>
    </message>
    <message>
        <source>Whole disk</source>
        <translation>Весь диск</translation>
    </message>
    <message>
        <source>Dirty bitmap (source)</source>
        <translation>Битовая карта изменений (источник)</translation>
    </message>
    <message>
        <source>%1 of %2 bits dirty · showing %3 – %4 of %5</source>
        <translation>установлено %1 из %2 бит · показано %3 – %4 из %5</translation>
    </message>
    <message>
        <source>Meta bitmap (1 bit = %1)</source>
        <translation>Мета-битовая карта (1 бит = %1)</translation>
    </message>
    <message>
        <source>%1 of %2 chunks dirty</source>
        <translation>изменено фрагментов: %1 из %2</translation>
    </message>
    <message>
        <source>Meta bitmap</source>
        <translation>Мета-битовая карта</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Приёмник</translation>
    </message>
    <message>
        <source>matches the source in view</source>
        <translation>в видимой области совпадает с источником</translation>
    </message>
    <message>
        <source>same counts as the source in view</source>
        <translation>в видимой области те же счётчики, что у источника</translation>
    </message>
    <message>
        <source>%1 bits in view differ from the source</source>
        <translation>в видимой области отличается от источника бит: %1</translation>
    </message>
    <message>
        <source>at least %1 bits in view differ from the source</source>
        <translation>в видимой области отличается от источника бит: не менее %1</translation>
    </message>
    <message>
        <source>Waiting for the simulation…</source>
        <translation>Ожидание симуляции…</translation>
    </message>
    <message>
        <source>No meta bitmap in this run</source>
        <translation>В этом прогоне нет мета-битовой карты</translation>
    </message>
    <message>
        <source>Nothing received yet: the destination starts at START</source>
        <translation>Пока ничего не получено: приёмник начинает с записи START</translation>
    </message>
    <message>
        <source>Disk bytes %1 – %2 (%3)</source>
        <translation>Байты диска %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Offset %1 to %2</source>
        <translation>Смещение от %1 до %2</translation>
    </message>
    <message>
        <source>Source: %1 of %2 bits dirty (%3 %), bits %4 – %5</source>
        <translation>Источник: установлено %1 из %2 бит (%3 %), биты %4 – %5</translation>
    </message>
    <message>
        <source>Chunk %1 of %2</source>
        <translation>Фрагмент %1 из %2</translation>
    </message>
    <message>
        <source>Chunks %1 – %2 of %3</source>
        <translation>Фрагменты %1 – %2 из %3</translation>
    </message>
    <message>
        <source>Meta bitmap: none in this run</source>
        <translation>Мета-битовая карта: в этом прогоне нет</translation>
    </message>
    <message>
        <source>Meta bitmap: %1 dirty, %2 clean chunks</source>
        <translation>Мета-битовая карта: изменённых фрагментов %1, чистых %2</translation>
    </message>
    <message>
        <source>Destination: nothing received yet</source>
        <translation>Приёмник: пока ничего не получено</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, %3 differ from the source</source>
        <translation>Приёмник: установлено %1 из %2 бит, отличаются от источника: %3</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, at least %3 differ from the source</source>
        <translation>Приёмник: установлено %1 из %2 бит, отличаются от источника: не менее %3</translation>
    </message>
    <message>
        <source>No meta bitmap in this run: only precopy keeps one</source>
        <translation>В этом прогоне нет мета-битовой карты: её ведёт только предкопирование</translation>
    </message>
    <message>
        <source>The meta bitmap is created when the migration starts</source>
        <translation>Мета-битовая карта создаётся при запуске миграции</translation>
    </message>
    <message>
        <source>The meta bitmap was freed when the migration completed</source>
        <translation>Мета-битовая карта освобождена по завершении миграции</translation>
    </message>
    <message>
        <source>The meta bitmap was freed when the migration was cancelled</source>
        <translation>Мета-битовая карта освобождена при отмене миграции</translation>
    </message>
    <message>
        <source>holds every source bit in view, and the guest&apos;s new writes</source>
        <translation>в видимой области есть все биты источника и новые записи гостя</translation>
    </message>
    <message>
        <source>lacks %1 source bits in view</source>
        <translation>в видимой области не хватает битов источника: %1</translation>
    </message>
    <message>
        <source>lacks at least %1 source bits in view</source>
        <translation>в видимой области не хватает битов источника: не менее %1</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, %3 source bits missing</source>
        <translation>Приёмник: установлено %1 из %2 бит, не хватает битов источника: %3</translation>
    </message>
    <message>
        <source>Destination: %1 of %2 bits set, at least %3 source bits missing</source>
        <translation>Приёмник: установлено %1 из %2 бит, не хватает битов источника: не менее %3</translation>
    </message>
    <message>
        <source>no cell in view holds fewer bits than the source</source>
        <translation>ни в одной ячейке видимой области битов не меньше, чем у источника</translation>
    </message>
</context>
<context>
    <name>bitmig::HowItWorksPanel</name>
    <message>
        <source>How migration works</source>
        <translation>Как работает миграция</translation>
    </message>
    <message>
        <source>Show every phase on the live view</source>
        <translation>Показать все фазы вживую</translation>
    </message>
    <message>
        <source>Start the guided run</source>
        <translation>Запустить демонстрационный прогон</translation>
    </message>
    <message>
        <source>Loads a small disk whose migration goes through every phase within seconds, and starts it; this section follows the live run.</source>
        <translation>Загружает небольшой диск, миграция которого за считаные секунды проходит все фазы, и запускает её; этот раздел следует за идущим прогоном.</translation>
    </message>
    <message>
        <source>Follow along: the section of the phase the run is in now is highlighted.</source>
        <translation>Следите за ходом: раздел фазы, в которой сейчас находится прогон, выделен.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
</context>
<context>
    <name>bitmig::LaneCharts</name>
    <message>
        <source>Throughput on the wire</source>
        <translation>Пропускная способность в канале</translation>
    </message>
    <message>
        <source>Overhead since the start</source>
        <translation>Накладные расходы с начала</translation>
    </message>
    <message>
        <source>Pending bytes</source>
        <translation>Ожидающие байты</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>симулированное время (с)</translation>
    </message>
</context>
<context>
    <name>bitmig::LanesController</name>
    <message>
        <source>A comparison has 2 to 4 lanes, not %1.</source>
        <translation>В сравнении от 2 до 4 дорожек, а не %1.</translation>
    </message>
    <message>
        <source>Lane %1 (%2): %3</source>
        <translation>Дорожка %1 (%2): %3</translation>
    </message>
    <message>
        <source>The %1 lanes together need %2 of memory for their bitmaps; this machine has %3 available.</source>
        <translation>%1 дорожкам вместе нужно %2 памяти для битовых карт; на этой машине доступно %3.</translation>
    </message>
    <message>
        <source>A comparison has at most 4 lanes.</source>
        <translation>В сравнении не больше 4 дорожек.</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveSession</name>
    <message>
        <source>the connection to QEMU ended: %1</source>
        <translation>соединение с QEMU прервалось: %1</translation>
    </message>
    <message>
        <source>a refresh is running</source>
        <translation>идёт обновление</translation>
    </message>
    <message>
        <source>the session is detached</source>
        <translation>сеанс отключён</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveSimulation</name>
    <message>
        <source>the bits of %1 were not read</source>
        <translation>биты %1 не были прочитаны</translation>
    </message>
    <message>
        <source>QEMU %1 has no dirty bitmap to simulate.</source>
        <translation>У QEMU %1 нет грязной битовой карты для моделирования.</translation>
    </message>
    <message>
        <source>%1: the folder for the recorded changes cannot be made</source>
        <translation>%1: не удаётся создать папку для записанных изменений</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: не удаётся записать: %2</translation>
    </message>
    <message>
        <source>Only the first %1 changes between refreshes were kept.</source>
        <translation>Сохранены только первые %1 изменений между обновлениями.</translation>
    </message>
    <message>
        <source>QEMU %1 cannot be simulated: %2</source>
        <translation>QEMU %1 нельзя смоделировать: %2</translation>
    </message>
    <message>
        <source>%1 bitmaps on %2 disks</source>
        <translation>%1 битовых карт на %2 дисках</translation>
    </message>
    <message>
        <source>no change was recorded between refreshes, so the guest is idle</source>
        <translation>между обновлениями изменений не записано, поэтому гость простаивает</translation>
    </message>
    <message>
        <source>the guest replays the %1 changes recorded between refreshes (%2) from %3</source>
        <translation>гость воспроизводит %1 изменений, записанных между обновлениями (%2), из %3</translation>
    </message>
    <message>
        <source>QEMU %1, %2</source>
        <translation>QEMU %1, %2</translation>
    </message>
    <message>
        <source>QEMU %1: the bitmaps have more than %2 separate dirty extents; at most %2 can be taken as starting bits.</source>
        <translation>QEMU %1: в битовых картах более %2 отдельных грязных областей; как начальные биты можно взять не более %2.</translation>
    </message>
    <message>
        <source>Simulating QEMU %1: %2, each starting from its own bits as read now (%3 dirty in all); %4.</source>
        <translation>Моделирование QEMU %1: %2, каждая начинает со своих битов, прочитанных сейчас (всего %3 грязных); %4.</translation>
    </message>
</context>
<context>
    <name>bitmig::LiveWindow</name>
    <message>
        <source>QEMU %1 at %2</source>
        <translation>QEMU %1 на %2</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Битовая карта</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Гранулярность</translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Записывает</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>Постоянная</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Занята</translation>
    </message>
    <message>
        <source>Tick a bitmap to show it as a heatmap</source>
        <translation>Отметьте битовую карту, чтобы показать её тепловой картой</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Обновить сейчас</translation>
    </message>
    <message>
        <source>Simulate migration</source>
        <translation>Смоделировать миграцию</translation>
    </message>
    <message>
        <source>Opens a simulated run in the main window with this VM&apos;s disks and bitmaps, their bits as read now, and the changes seen between refreshes as the guest&apos;s workload</source>
        <translation>Открывает в главном окне моделируемый прогон с дисками и битовыми картами этой ВМ, их битами, прочитанными сейчас, и изменениями между обновлениями в качестве нагрузки гостя</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Отключиться</translation>
    </message>
    <message>
        <source>Refresh every</source>
        <translation>Обновлять каждые</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Dirty bitmap %1 of %2</source>
        <translation>Битовая карта изменений %1 узла %2</translation>
    </message>
    <message>
        <source>waiting for the first refresh</source>
        <translation>ожидание первого обновления</translation>
    </message>
    <message>
        <source>Changed since the refresh before</source>
        <translation>Изменено с предыдущего обновления</translation>
    </message>
    <message>
        <source>%1 dirty of %2, 1 bit = %3</source>
        <translation>%1 грязных из %2, 1 бит = %3</translation>
    </message>
    <message>
        <source>%1 turned dirty, %2 clean</source>
        <translation>%1 стало изменённым, %2 чистым</translation>
    </message>
    <message>
        <source>Attached to QEMU %1 at %2</source>
        <translation>Подключено к QEMU %1 на %2</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · приостановлено</translation>
    </message>
    <message>
        <source>The refresh failed: %1</source>
        <translation>Обновление не удалось: %1</translation>
    </message>
    <message>
        <source>Detached: %1</source>
        <translation>Отключено: %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>Dirty rate (bitmap bytes turned dirty per second)</source>
        <translation>Скорость загрязнения (байт битовой карты, ставших грязными, в секунду)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/%2: %3 dirty in %4 · +%5 −%6 since the refresh before · dirty rate %7/s</source>
        <translation>%1/%2: изменено %3 в %4 · +%5 −%6 с предыдущего обновления · скорость изменений %7/с</translation>
    </message>
    <message numerus="yes">
        <source>%Ln extents</source>
        <translation>
            <numerusform>%Ln области</numerusform>
            <numerusform>%Ln областях</numerusform>
            <numerusform>%Ln областях</numerusform>
        </translation>
    </message>
    <message>
        <source> · refresh %1 took %2 ms (QMP %3 ms in %4, NBD %5 ms in %6)</source>
        <translation> · обновление %1 заняло %2 мс (QMP %3 мс за %4, NBD %5 мс за %6)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln round trips</source>
        <translation>
            <numerusform>%Ln обмен</numerusform>
            <numerusform>%Ln обмена</numerusform>
            <numerusform>%Ln обменов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln запрос</numerusform>
            <numerusform>%Ln запроса</numerusform>
            <numerusform>%Ln запросов</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick a bitmap in the table to watch it: each refresh then shows its bits and what turned dirty or clean since the refresh before.</source>
        <translation>Отметьте битовую карту в таблице, чтобы наблюдать за ней: каждое обновление покажет её биты и то, что стало грязным или чистым с предыдущего обновления.</translation>
    </message>
</context>
<context>
    <name>bitmig::MainWindow</name>
    <message>
        <source>That stroke changed too much to be undone; the undo history was cleared.</source>
        <translation>Этот мазок кисти изменил слишком много, чтобы его можно было отменить; история отмены очищена.</translation>
    </message>
    <message>
        <source>Bitmap Migration Lab</source>
        <translation>Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Пуск</translation>
    </message>
    <message>
        <source>Run or pause the simulated clock (Space)</source>
        <translation>Запустить или приостановить часы симуляции (Пробел)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Шаг</translation>
    </message>
    <message>
        <source>Advance one tick and pause (.)</source>
        <translation>Продвинуться на один такт и остановиться (.)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Сброс</translation>
    </message>
    <message>
        <source>Start the run over with the same parameters (Ctrl+R)</source>
        <translation>Начать прогон заново с теми же параметрами (Ctrl+R)</translation>
    </message>
    <message>
        <source>Start &amp;migration</source>
        <translation>&amp;Начать миграцию</translation>
    </message>
    <message>
        <source>Begin migrating the bitmap now (Ctrl+M)</source>
        <translation>Начать миграцию битовой карты сейчас (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Abort (link fault)</source>
        <translation>П&amp;рервать (сбой канала)</translation>
    </message>
    <message>
        <source>Drop the link: the migration is cancelled and can be retried (Ctrl+K)</source>
        <translation>Разорвать канал: миграция отменяется, её можно повторить (Ctrl+K)</translation>
    </message>
    <message>
        <source>Show &amp;destination</source>
        <translation>Показать &amp;приёмник</translation>
    </message>
    <message>
        <source>Show the destination bitmap with its differences (Ctrl+D)</source>
        <translation>Показать битовую карту приёмника с её отличиями (Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>П&amp;еремещение</translation>
    </message>
    <message>
        <source>Drag to pan the heatmaps (H)</source>
        <translation>Перетаскивайте, чтобы сдвигать тепловые карты (H)</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Лупа</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom into it (Z)</source>
        <translation>Выделите прямоугольник, чтобы увеличить его (Z)</translation>
    </message>
    <message>
        <source>Click or drag on the bitmap to write there; hold Ctrl to clear (trim) instead (B)</source>
        <translation>Щёлкните или проведите по битовой карте, чтобы записать туда; с нажатой Ctrl — вместо этого очистить (trim) (B)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open scenario...</source>
        <translation>&amp;Открыть сценарий...</translation>
    </message>
    <message>
        <source>Load parameters, workload, seed and injections from a scenario file (Ctrl+O)</source>
        <translation>Загрузить параметры, нагрузку, зерно и инъекции из файла сценария (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Шаблоны</translation>
    </message>
    <message>
        <source>&amp;Save scenario as...</source>
        <translation>Сохранить сценарий &amp;как...</translation>
    </message>
    <message>
        <source>Write every parameter, the workload, the seed and the injections to a file</source>
        <translation>Записать все параметры, нагрузку, зерно и инъекции в файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Copy &amp;summary</source>
        <translation>Копировать &amp;сводку</translation>
    </message>
    <message>
        <source>The run summary is on the clipboard.</source>
        <translation>Сводка прогона скопирована в буфер обмена.</translation>
    </message>
    <message>
        <source>Copy &amp;heatmaps as image</source>
        <translation>Копировать &amp;тепловые карты как изображение</translation>
    </message>
    <message>
        <source>The heatmaps are on the clipboard.</source>
        <translation>Тепловые карты скопированы в буфер обмена.</translation>
    </message>
    <message>
        <source>Copy &amp;charts as image</source>
        <translation>Копировать &amp;графики как изображение</translation>
    </message>
    <message>
        <source>The charts are on the clipboard.</source>
        <translation>Графики скопированы в буфер обмена.</translation>
    </message>
    <message>
        <source>Copy chart &amp;data (CSV)</source>
        <translation>Копировать &amp;данные графиков (CSV)</translation>
    </message>
    <message>
        <source>The charts&apos; data is on the clipboard as CSV.</source>
        <translation>Данные графиков скопированы в буфер обмена в формате CSV.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>С&amp;ветлая</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>Си&amp;муляция</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Быстрее</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Медленнее</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;How migration works</source>
        <translation>&amp;Как работает миграция</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Bitmap Migration Lab</source>
        <translation>&amp;О программе Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Изображение PNG (*.png);;Рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON document (*.json)</source>
        <translation>Таблица CSV (*.csv);;Документ JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Heatmaps...</source>
        <translation>&amp;Тепловые карты...</translation>
    </message>
    <message>
        <source>Heatmaps</source>
        <translation>Тепловые карты</translation>
    </message>
    <message>
        <source>All &amp;charts...</source>
        <translation>Все &amp;графики...</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Chart: %1...</source>
        <translation>График: %1...</translation>
    </message>
    <message>
        <source>Chart &amp;data...</source>
        <translation>&amp;Данные графиков...</translation>
    </message>
    <message>
        <source>Run &amp;summary...</source>
        <translation>&amp;Сводка прогона...</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Симуляция</translation>
    </message>
    <message>
        <source>Speed </source>
        <translation>Скорость </translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Скорость симуляции</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>How migration works</source>
        <translation>Как работает миграция</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>Change parameters</source>
        <translation>изменение параметров</translation>
    </message>
    <message>
        <source>Parameters changed: the run starts over.</source>
        <translation>Параметры изменены: прогон начинается заново.</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>сценарий</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>загрузку: %1</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>Загружено: %1.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Открыть сценарий</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Сохранить сценарий</translation>
    </message>
    <message>
        <source>Guided run</source>
        <translation>Демонстрационный прогон</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>bitmap %1</source>
        <translation>битовая карта %1</translation>
    </message>
    <message>
        <source>frame p99 %1 ms</source>
        <translation>кадр p99 %1 мс</translation>
    </message>
    <message>
        <source>The %1 translation is missing from this build.</source>
        <translation>Перевод «%1» отсутствует в этой сборке.</translation>
    </message>
    <message>
        <source>the saved session</source>
        <translation>сохранённый сеанс</translation>
    </message>
    <message>
        <source>The last session&apos;s parameters were not restored: %1</source>
        <translation>Параметры последнего сеанса не восстановлены: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: the view is not shown</source>
        <translation>Не удаётся записать %1: представление не показано</translation>
    </message>
    <message>
        <source>Cannot write %1: the name must end in .csv or .json</source>
        <translation>Не удаётся записать %1: имя должно оканчиваться на .csv или .json</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>Экспортировано: %1.</translation>
    </message>
    <message>
        <source>About Bitmap Migration Lab</source>
        <translation>О программе Bitmap Migration Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bitmap Migration Lab %1&lt;/h3&gt;&lt;p&gt;Watch and steer the live migration of block dirty bitmaps: a QEMU-compatible hierarchical bitmap, meta bitmaps, and the bulk, dirty and complete phases.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bitmap Migration Lab %1&lt;/h3&gt;&lt;p&gt;Наблюдение за живой миграцией битовых карт изменений блочных устройств и управление ею: совместимая с QEMU иерархическая битовая карта, мета-битовые карты, основной проход, проходы по изменённым и завершение.&lt;/p&gt;&lt;p&gt;Распространяется на условиях GNU General Public License версии 2 или более поздней.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>B&amp;rush</source>
        <translation>&amp;Кисть</translation>
    </message>
    <message>
        <source>&amp;Import bitmap from qcow2...</source>
        <translation>&amp;Импортировать битовую карту из qcow2...</translation>
    </message>
    <message>
        <source>Load a persistent dirty bitmap from a qcow2 disk image (Ctrl+I)</source>
        <translation>Загрузить постоянную битовую карту изменений из образа диска qcow2 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Export the heatmaps</source>
        <translation>Экспортировать тепловые карты</translation>
    </message>
    <message>
        <source>Export the charts</source>
        <translation>Экспортировать графики</translation>
    </message>
    <message>
        <source>Export the chart %1</source>
        <translation>Экспортировать график «%1»</translation>
    </message>
    <message>
        <source>Export the chart data</source>
        <translation>Экспортировать данные графиков</translation>
    </message>
    <message>
        <source>Export the run summary</source>
        <translation>Экспортировать сводку прогона</translation>
    </message>
    <message>
        <source>Replay a trace</source>
        <translation>Воспроизвести трассу</translation>
    </message>
    <message>
        <source>Traces (*.log *.iolog *.txt *.csv);;All files (*)</source>
        <translation>Трассы (*.log *.iolog *.txt *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>A 4 TiB disk on a 50 Mbit/s link with a steady write load and a 50 ms downtime limit: setup, the bulk pass, a few dirty passes and the complete phase follow each other within seconds.</source>
        <translation>Диск 4 TiB, канал 50 Mbit/s, постоянная нагрузка записью и лимит времени простоя 50 мс: подготовка, основной проход, несколько проходов по изменённым и завершение сменяют друг друга за считаные секунды.</translation>
    </message>
    <message>
        <source>Import bitmap from qcow2</source>
        <translation>Импорт битовой карты из qcow2</translation>
    </message>
    <message>
        <source>qcow2 images (*.qcow2 *.img);;All files (*)</source>
        <translation>Образы qcow2 (*.qcow2 *.img);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Replaying %1 from now on.</source>
        <translation>С этого момента воспроизводится %1.</translation>
    </message>
    <message>
        <source>Clear %1 at %2</source>
        <translation>очистку %1 по смещению %2</translation>
    </message>
    <message>
        <source>Write %1 at %2</source>
        <translation>запись %1 по смещению %2</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second, 0.001x to 1000x ([ and ])</source>
        <translation>Симулированных секунд на секунду реального времени, от 0,001x до 1000x ([ и ])</translation>
    </message>
    <message>
        <source>Simulated time, and the speed asked for against the speed achieved: a heavy run is simulated as fast as this machine and the window keep up</source>
        <translation>Модельное время и заданная скорость против достигнутой: тяжёлый прогон моделируется так быстро, как успевают эта машина и окно</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 с</translation>
    </message>
    <message>
        <source>t = %1 s, asked %2x, achieved %3x</source>
        <translation>t = %1 с, задано %2x, достигнуто %3x</translation>
    </message>
    <message>
        <source>t = %1 s, asked %2x</source>
        <translation>t = %1 с, задано %2x</translation>
    </message>
    <message>
        <source>Brush strokes cannot be undone in a run with several bitmaps (undo remembers the granules of one bitmap); the undo history was cleared.</source>
        <translation>Мазки кистью нельзя отменить в прогоне с несколькими битовыми картами (отмена помнит гранулы одной карты); история отмены очищена.</translation>
    </message>
    <message>
        <source>Open &amp;migration file...</source>
        <translation>Открыть файл &amp;миграции...</translation>
    </message>
    <message>
        <source>Show the dirty bitmaps and records of a QEMU migration file, and what a QEMU destination does with it</source>
        <translation>Показать битовые карты изменений и записи файла миграции QEMU и что с ним сделает приёмник QEMU</translation>
    </message>
    <message>
        <source>&amp;Attach to QEMU...</source>
        <translation>&amp;Подключиться к QEMU...</translation>
    </message>
    <message>
        <source>Show the dirty bitmaps of a running QEMU through its QMP socket</source>
        <translation>Показать битовые карты изменений работающего QEMU через его QMP-сокет</translation>
    </message>
    <message>
        <source>Run a real QEMU &amp;migration...</source>
        <translation>Запустить настоящую &amp;миграцию QEMU...</translation>
    </message>
    <message>
        <source>Migrate dirty bitmaps between two QEMUs started on scratch images, beside the simulator&apos;s prediction</source>
        <translation>Перенести грязные битовые карты между двумя QEMU, запущенными на рабочих образах, рядом с прогнозом симулятора</translation>
    </message>
    <message>
        <source>&amp;QEMU migration file...</source>
        <translation>Файл миграции &amp;QEMU...</translation>
    </message>
    <message>
        <source>Export the run as a QEMU migration file</source>
        <translation>Экспортировать прогон как файл миграции QEMU</translation>
    </message>
    <message>
        <source>QEMU migration file (*.mig)</source>
        <translation>Файл миграции QEMU (*.mig)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Серия прогонов</translation>
    </message>
    <message>
        <source>Run a sweep point</source>
        <translation>Запуск точки серии</translation>
    </message>
    <message>
        <source>Open migration file</source>
        <translation>Открыть файл миграции</translation>
    </message>
    <message>
        <source>Migration files (*.mig *.bin);;All files (*)</source>
        <translation>Файлы миграции (*.mig *.bin);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot simulate the attached VM: %1</source>
        <translation>Нельзя смоделировать подключённую ВМ: %1</translation>
    </message>
    <message>
        <source>&amp;Compare...</source>
        <translation>&amp;Сравнить...</translation>
    </message>
    <message>
        <source>Run 2 to 4 variants of this configuration side by side, in lockstep on the same disk, writes and seed</source>
        <translation>Запустить 2–4 варианта этой конфигурации рядом, синхронно, на том же диске, с теми же записями и тем же seed</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Главное окно</translation>
    </message>
</context>
<context>
    <name>bitmig::MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>Закрыть сообщение</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>bitmig::MigrationCharts</name>
    <message>
        <source>Migration charts</source>
        <translation>Графики миграции</translation>
    </message>
    <message>
        <source>Phases:</source>
        <translation>Фазы:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Show all four charts</source>
        <translation>Показать все четыре графика</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Передача</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Накладные</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Dirty rate</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>Log scale (pending)</source>
        <translation>Лог. шкала остатка</translation>
    </message>
    <message>
        <source>Pending bytes shrink by orders of magnitude between passes; a logarithmic axis keeps the last passes and the budget line readable.</source>
        <translation>Остаток байтов уменьшается между проходами на порядки; логарифмическая ось сохраняет читаемыми последние проходы и линию бюджета.</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>подготовка</translation>
    </message>
    <message>
        <source>bulk (guest at destination)</source>
        <translation>основной проход (гость на приёмнике)</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>основной проход</translation>
    </message>
    <message>
        <source>dirty passes (alternating)</source>
        <translation>проходы по изменённым (чередуются)</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>завершение</translation>
    </message>
    <message>
        <source>complete (guest paused)</source>
        <translation>завершение (гость приостановлен)</translation>
    </message>
    <message>
        <source>Throughput on the link</source>
        <translation>Скорость передачи по каналу</translation>
    </message>
    <message>
        <source>Overhead: header share of wire bytes</source>
        <translation>Накладные расходы: доля заголовков в потоке</translation>
    </message>
    <message>
        <source>Pending bytes against the downtime budget</source>
        <translation>Остаток байтов и бюджет времени простоя</translation>
    </message>
    <message>
        <source>%1: %2
at %3</source>
        <translation>%1: %2
в момент %3</translation>
    </message>
    <message>
        <source>%1: %2
at %3 (average over %4)</source>
        <translation>%1: %2
в момент %3 (среднее за %4)</translation>
    </message>
    <message>
        <source>Pending bytes</source>
        <translation>Остаток байтов</translation>
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
        <translation>смещение</translation>
    </message>
    <message>
        <source>in row</source>
        <translation>в строке</translation>
    </message>
</context>
<context>
    <name>bitmig::OverviewStrip</name>
    <message>
        <source>Whole-disk overview</source>
        <translation>Обзор всего диска</translation>
    </message>
    <message>
        <source>Dirty bits over the whole disk; the bracket marks the part shown below. Click or drag to move it.</source>
        <translation>Установленные биты по всему диску; скобка отмечает часть, показанную ниже. Щёлкните или перетащите, чтобы её сдвинуть.</translation>
    </message>
    <message>
        <source>Whole-disk overview: waiting for the simulation</source>
        <translation>Обзор всего диска: ожидание симуляции</translation>
    </message>
    <message>
        <source>Whole disk: %1
Showing %2 – %3
Click or drag to move the view</source>
        <translation>Весь диск: %1
Показано %2 – %3
Щёлкните или перетащите, чтобы сдвинуть область просмотра</translation>
    </message>
</context>
<context>
    <name>bitmig::ParametersPanel</name>
    <message>
        <source>Disk size</source>
        <translation>Размер диска</translation>
    </message>
    <message>
        <source>&amp;Disk</source>
        <translation>&amp;Диск</translation>
    </message>
    <message>
        <source>Bitmap granularity</source>
        <translation>Гранулярность битовой карты</translation>
    </message>
    <message>
        <source>&amp;Granularity</source>
        <translation>&amp;Гранулярность</translation>
    </message>
    <message>
        <source>Chunk size (log2 of bytes)</source>
        <translation>Размер фрагмента (log2 от числа байтов)</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Размер фрагмента</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Фрагмент</translation>
    </message>
    <message>
        <source>Derived chunk figures</source>
        <translation>Производные показатели фрагмента</translation>
    </message>
    <message>
        <source>Chunk size table of the seed thread</source>
        <translation>Таблица размеров фрагментов из исходного обсуждения</translation>
    </message>
    <message>
        <source>The chunk sizes argued over in the seed thread; pick a row to try it.</source>
        <translation>Размеры фрагментов, о которых спорили в исходном обсуждении; выберите строку, чтобы попробовать.</translation>
    </message>
    <message>
        <source>Migration strategy</source>
        <translation>Стратегия миграции</translation>
    </message>
    <message>
        <source>Precopy with meta bitmap</source>
        <translation>Предкопирование с мета-картой</translation>
    </message>
    <message>
        <source>Postcopy</source>
        <translation>Посткопирование</translation>
    </message>
    <message>
        <source>Stop and copy</source>
        <translation>Остановка и копирование</translation>
    </message>
    <message>
        <source>&amp;Strategy</source>
        <translation>С&amp;тратегия</translation>
    </message>
    <message>
        <source>&amp;Bandwidth</source>
        <translation>Проп&amp;ускная способность</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>&amp;Задержка</translation>
    </message>
    <message>
        <source>Max &amp;passes</source>
        <translation>Макс. &amp;число проходов</translation>
    </message>
    <message>
        <source>Send everything in the complete phase below this size (0: off)</source>
        <translation>Если осталось меньше этого объёма, отправить всё на этапе завершения (0 — выключено)</translation>
    </message>
    <message>
        <source>Complete &amp;only below</source>
        <translation>Сразу завершать &amp;ниже</translation>
    </message>
    <message>
        <source>at</source>
        <translation>в момент</translation>
    </message>
    <message>
        <source>Start the migration automatically</source>
        <translation>Запускать миграцию автоматически</translation>
    </message>
    <message>
        <source>Simulated time at which the migration starts</source>
        <translation>Время симуляции, в которое начинается миграция</translation>
    </message>
    <message>
        <source>Migration starts</source>
        <translation>Начало миграции</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>З&amp;ерно</translation>
    </message>
    <message>
        <source>&amp;Tick</source>
        <translation>Та&amp;кт</translation>
    </message>
    <message>
        <source>1 meta bit = %1 of disk · %2 meta bits (chunks) · bitmap %3 · %4 B header per record, %5 % overhead</source>
        <translation>1 мета-бит = %1 диска · мета-битов (фрагментов): %2 · битовая карта %3 · заголовок %4 B на запись, накладные расходы %5 %</translation>
    </message>
    <message>
        <source>Max do&amp;wntime</source>
        <translation>Макс. время п&amp;ростоя</translation>
    </message>
    <message>
        <source>Link bandwidth: 10 Gbit/s, 100 Mbit/s, 125 MB/s, ... (b is a bit, B a byte)</source>
        <translation>Пропускная способность канала: 10 Gbit/s, 100 Mbit/s, 125 MB/s, ... (b — бит, B — байт)</translation>
    </message>
    <message>
        <source>Maximum downtime: 300 ms, 1 s</source>
        <translation>Максимальное время простоя: 300 ms, 1 s</translation>
    </message>
    <message>
        <source>Maximum dirty passes, 0 to 100000</source>
        <translation>Максимальное число проходов по изменённым, от 0 до 100000</translation>
    </message>
    <message>
        <source>Random seed, 0 to 2^64 - 1</source>
        <translation>Зерно генератора случайных чисел, от 0 до 2^64 - 1</translation>
    </message>
    <message>
        <source>The 2015 proposal the seed thread reviews: bitmaps sent while the guest runs, tracked by a meta bitmap. QEMU never merged it.</source>
        <translation>Предложение 2015 года, которое обсуждается в исходной переписке: карты отправляются, пока гость работает, а изменения отслеживает мета-карта. В QEMU его так и не приняли.</translation>
    </message>
    <message>
        <source>What QEMU does with postcopy: the guest moves first, the bitmaps follow.</source>
        <translation>Так QEMU поступает при postcopy: сначала переходит гость, за ним следуют битовые карты.</translation>
    </message>
    <message>
        <source>What QEMU&apos;s precopy does today: every bitmap is sent at completion, while the guest is paused.</source>
        <translation>Так сегодня работает precopy в QEMU: все битовые карты отправляются при завершении, пока гость приостановлен.</translation>
    </message>
    <message>
        <source>%1 disks, %2 bitmaps: Disk and Granularity show disk &apos;%3&apos; / bitmap &apos;%4&apos;; changing either replaces the layout with one disk and one bitmap (Edit &gt; Undo brings the layout back).</source>
        <translation>%1 дисков, %2 битовых карт: «Диск» и «Гранулярность» показывают диск &apos;%3&apos; / карту &apos;%4&apos;; изменение любого из них заменяет раскладку одним диском с одной картой (Правка &gt; Отменить вернёт раскладку).</translation>
    </message>
    <message>
        <source>One-way link delay: 20 ms, 1.5 s, 250 µs</source>
        <translation>Задержка канала в одну сторону: 20 ms, 1.5 s, 250 µs</translation>
    </message>
    <message>
        <source>Simulation tick, 1 µs to 1 s</source>
        <translation>Такт симуляции, от 1 µs до 1 s</translation>
    </message>
    <message>
        <source>Compare these rows</source>
        <translation>Сравнить эти строки</translation>
    </message>
</context>
<context>
    <name>bitmig::PhaseExplainer</name>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Guest running, nothing migrating yet</source>
        <translation>Гость работает, миграция ещё не началась</translation>
    </message>
    <message>
        <source>Every guest write sets the bits of the granules it touches (%1 of disk per bit). The bitmap holds %2 bits, %3 of them dirty. Press Start migration to send it: with a %4 chunk, one meta bit stands for %5 of disk.</source>
        <translation>Каждая запись гостя устанавливает биты затронутых ею гранул (%1 диска на бит). Битовая карта содержит %2 бит, из них установлено %3. Нажмите «Начать миграцию», чтобы отправить её: при фрагменте %4 один мета-бит соответствует %5 диска.</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Подготовка</translation>
    </message>
    <message>
        <source>A START record tells the destination the bitmap&apos;s name and granularity. </source>
        <translation>Запись START сообщает приёмнику имя и гранулярность битовой карты. </translation>
    </message>
    <message>
        <source>Postcopy: as soon as the destination knows the bitmap, the guest switches over and records its writes there, in a successor bitmap.</source>
        <translation>Посткопирование: как только приёмник узнаёт о битовой карте, гость переключается на него и отмечает свои записи там, в карте-преемнике.</translation>
    </message>
    <message>
        <source>Bulk pass, guest at the destination</source>
        <translation>Основной проход, гость на приёмнике</translation>
    </message>
    <message>
        <source>The guest already runs at the destination; its writes go to a successor bitmap there. The source sends every chunk once, in disk order (chunk %1 of %2, %3 %). Nothing is ever resent, so this always ends, but until COMPLETE arrives the destination&apos;s bitmap cannot be used.</source>
        <translation>Гость уже работает на приёмнике; его записи попадают там в карту-преемник. Источник отправляет каждый фрагмент один раз, по порядку диска (фрагмент %1 из %2, %3 %). Ничего не отправляется повторно, поэтому этап всегда завершается, но пока не придёт COMPLETE, битовой картой приёмника пользоваться нельзя.</translation>
    </message>
    <message>
        <source>Bulk pass</source>
        <translation>Основной проход</translation>
    </message>
    <message>
        <source>Every chunk is sent once, in disk order: chunk %1 of %2 (%3 %). Each chunk covers %4 of disk. A write behind the cursor re-dirties a chunk already sent: its meta bit lights up and the chunk goes again in dirty pass 1. All-clean chunks go as 13-byte ZEROES records.</source>
        <translation>Каждый фрагмент отправляется один раз, по порядку диска: фрагмент %1 из %2 (%3 %). Каждый фрагмент покрывает %4 диска. Запись позади курсора снова делает изменённым уже отправленный фрагмент: его мета-бит загорается, и фрагмент уходит ещё раз в первом проходе по изменённым. Полностью чистые фрагменты уходят 13-байтовыми записями ZEROES.</translation>
    </message>
    <message>
        <source>Dirty pass %1</source>
        <translation>Проход по изменённым %1</translation>
    </message>
    <message>
        <source>Complete phase</source>
        <translation>Фаза завершения</translation>
    </message>
    <message>
        <source>Every chunk has been sent. COMPLETE tells the destination to finish the bitmap and merge the successor with the writes the guest made there.</source>
        <translation>Все фрагменты отправлены. COMPLETE сообщает приёмнику, что битовую карту нужно завершить и объединить с картой-преемником, в которой отмечены записи, сделанные там гостем.</translation>
    </message>
    <message>
        <source>The guest is paused. What is still pending is sent, then COMPLETE; this pause is the downtime: expected %1 against the limit of %2.</source>
        <translation>Гость приостановлен. Отправляется оставшееся, затем COMPLETE; эта пауза и есть время простоя: ожидается %1 при лимите %2.</translation>
    </message>
    <message>
        <source>Done: verified</source>
        <translation>Готово: проверено</translation>
    </message>
    <message>
        <source>Done: NOT verified</source>
        <translation>Готово: НЕ проверено</translation>
    </message>
    <message>
        <source>%1 on the wire in %2 records (%3 % overhead), %4 chunks sent, %5 of them again. Downtime %6 (limit %7). The destination bitmap %8; %9 bits lost.</source>
        <translation>Передано %1 в %2 записях (накладные расходы %3 %), отправлено фрагментов: %4, из них повторно: %5. Время простоя %6 (лимит %7). Битовая карта приёмника %8; потеряно бит: %9.</translation>
    </message>
    <message>
        <source>equals what the source tracked</source>
        <translation>совпадает с тем, что отслеживал источник</translation>
    </message>
    <message>
        <source>differs from the source</source>
        <translation>отличается от источника</translation>
    </message>
    <message>
        <source>The dirty phase did not converge: the pass cap forced completion.</source>
        <translation>Фаза проходов по изменённым не сошлась: завершение вызвано лимитом проходов.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>The link failed and the migration was cancelled. The destination dropped its partial bitmap; the source kept every dirty bit, including writes the guest made at the destination. Start the migration again to retry.</source>
        <translation>Канал отказал, и миграция отменена. Приёмник отбросил свою неполную битовую карту; источник сохранил каждый установленный бит, включая записи, сделанные гостем на приёмнике. Запустите миграцию снова, чтобы повторить попытку.</translation>
    </message>
    <message>
        <source>The destination refused the stream: %1</source>
        <translation>Приёмник отверг поток: %1</translation>
    </message>
    <message>
        <source>Only chunks whose meta bit is set are resent: %1 dirty chunks, %2 pending. The guest can be paused once pending fits the downtime budget, %3 (bandwidth × max downtime, less the latency, the framing and what is still on the link). </source>
        <translation>Повторно отправляются только фрагменты с установленным мета-битом: изменённых фрагментов %1, остаток %2. Гостя можно приостановить, как только остаток уложится в бюджет времени простоя — %3 (пропускная способность × макс. время простоя за вычетом задержки, кадрирования и того, что ещё в канале). </translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: no dirty pass has finished yet, so how much a pass leaves behind is not measured.</source>
        <translation>Сходимость оценивать рано: ни один проход по изменённым фрагментам ещё не завершён, и сколько проход оставляет после себя, не измерено.</translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: the last pass left %1 % of what it began with. If that held, pending would fit the budget in pass %2 of at most %3, but the passes so far do not settle it yet.</source>
        <translation>Сходимость оценивать рано: последний проход оставил %1 % того, с чего начал. Если так пойдёт и дальше, остаток уложится в бюджет на проходе %2 из не более чем %3, но прошедшие проходы этого ещё не решают.</translation>
    </message>
    <message>
        <source>Too early to tell whether it converges: the last pass left %1 % of what it began with. If that held, pending would not reach the budget within the %2 passes left, but the passes so far do not settle it yet.</source>
        <translation>Сходимость оценивать рано: последний проход оставил %1 % того, с чего начал. Если так пойдёт и дальше, остаток не уложится в бюджет за оставшиеся проходы (%2), но прошедшие проходы этого ещё не решают.</translation>
    </message>
    <message>
        <source>It converges: each pass leaves about %1 % of what it began with, so pending fits the budget in this pass.</source>
        <translation>Сходится: каждый проход оставляет около %1 % того, с чего начал, поэтому остаток уложится в бюджет на этом проходе.</translation>
    </message>
    <message>
        <source>It converges: each pass leaves about %1 % of what it began with, so pending fits the budget in pass %2 (at most %3 are allowed).</source>
        <translation>Сходится: каждый проход оставляет около %1 % того, с чего начал, поэтому остаток уложится в бюджет на проходе %2 (разрешено не более %3).</translation>
    </message>
    <message>
        <source>Pending fits the budget: the guest is paused now.</source>
        <translation>Остаток укладывается в бюджет: гость сейчас приостанавливается.</translation>
    </message>
    <message>
        <source>It converges in this pass: the last pass left nothing behind.</source>
        <translation>Сходится на этом проходе: последний проход ничего не оставил.</translation>
    </message>
    <message>
        <source>It will not converge: the writes re-dirty chunks about as fast as a pass resends them, so pending settles near %1, far above the budget. After pass %2 the guest is paused anyway and the downtime exceeds the limit. A smaller chunk resends less for each write.</source>
        <translation>Не сойдётся: записи заново помечают фрагменты примерно так же быстро, как проход их пересылает, поэтому остаток держится около %1, намного выше бюджета. После прохода %2 гость всё равно будет приостановлен, и простой превысит лимит. Меньший фрагмент пересылает меньше на каждую запись.</translation>
    </message>
    <message>
        <source>It will not converge in time: each pass leaves about %1 % of what it began with, so pending needs about %2 more passes to reach the budget, but only %3 are left. After pass %4 the guest is paused anyway and the downtime exceeds the limit.</source>
        <translation>Не сойдётся вовремя: каждый проход оставляет около %1 % того, с чего начал, поэтому остатку нужно ещё около %2 проходов до бюджета, а осталось только %3. После прохода %4 гость всё равно будет приостановлен, и простой превысит лимит.</translation>
    </message>
    <message>
        <source>It will not converge: pending does not reach the budget within the %1 passes left. After pass %2 the guest is paused anyway and the downtime exceeds the limit.</source>
        <translation>Не сойдётся: остаток не достигнет бюджета за оставшиеся проходы (%1). После прохода %2 гость всё равно будет приостановлен, и простой превысит лимит.</translation>
    </message>
    <message>
        <source>It will not converge before the run&apos;s time limit of %1: at this shrink the passes it needs take longer.</source>
        <translation>Не сойдётся до предела времени прогона (%1): при таком сокращении нужные проходы займут больше времени.</translation>
    </message>
    <message>
        <source>It cannot converge: the link&apos;s latency and the framing of the complete phase alone take longer than the maximum downtime of %1, so no pending amount fits. After pass %2 the guest is paused anyway.</source>
        <translation>Сойтись невозможно: одна только задержка канала и кадрирование завершающей фазы занимают больше максимального времени простоя (%1), так что никакой остаток не уложится. После прохода %2 гость всё равно будет приостановлен.</translation>
    </message>
    <message>
        <source>Stopped at the time limit</source>
        <translation>Остановлено по пределу времени</translation>
    </message>
    <message>
        <source>The run reached its time limit of %1 before the migration finished, in the %2 phase; nothing more is sent and the guest writes no more. Raise the time limit (Parameters) to see how it ends.</source>
        <translation>Прогон достиг предела времени (%1) в фазе «%2», до завершения миграции; больше ничего не отправляется, и гость больше не пишет. Увеличьте предел времени (Параметры), чтобы увидеть, чем всё закончится.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>до начала миграции</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>подготовка</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>основной проход</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>проходы по изменённым</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>завершение</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Stop and copy: the guest is paused now and waits until the whole bitmap has arrived. This is where QEMU&apos;s precopy puts the bitmaps today: all of them at completion, while the guest is paused.</source>
        <translation>Остановка и копирование: гость приостановлен и ждёт, пока не придёт вся битовая карта. Именно здесь precopy в QEMU сегодня отправляет битовые карты: все при завершении, пока гость приостановлен.</translation>
    </message>
    <message>
        <source>Precopy: a meta bitmap with one bit per chunk now records which chunks change (the 2015 proposal; QEMU sends bitmaps at completion instead).</source>
        <translation>Предкопирование: мета-битовая карта с одним битом на фрагмент теперь отслеживает, какие фрагменты меняются (предложение 2015 года; QEMU вместо этого отправляет карты при завершении).</translation>
    </message>
    <message>
        <source>Every guest write sets the bits of the granules it touches (%1 of disk per bit). The bitmap holds %2 bits, %3 of them dirty. The migration starts by itself at %4, in %5 of simulated time; Start migration sends it now. With a %6 chunk, one meta bit stands for %7 of disk.</source>
        <translation>Каждая запись гостя устанавливает биты затронутых ею гранул (%1 диска на бит). Битовая карта содержит %2 бит, из них установлено %3. Миграция начнётся сама в момент %4, через %5 симулированного времени; «Начать миграцию» отправит её сразу. При фрагменте %6 один мета-бит соответствует %7 диска.</translation>
    </message>
</context>
<context>
    <name>bitmig::PhaseStrip</name>
    <message>
        <source>Migration phase</source>
        <translation>Фаза миграции</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>подготовка</translation>
    </message>
    <message>
        <source>switch-over</source>
        <translation>переключение</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>в момент %1</translation>
    </message>
    <message>
        <source>bulk (guest at destination)</source>
        <translation>основной проход (гость на приёмнике)</translation>
    </message>
    <message>
        <source>bulk, guest at the destination</source>
        <translation>основной проход, гость на приёмнике</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>основной проход</translation>
    </message>
    <message>
        <source>dirty %1</source>
        <translation>проход %1</translation>
    </message>
    <message>
        <source>dirty pass %1</source>
        <translation>проход по изменённым %1</translation>
    </message>
    <message>
        <source>dirty passes</source>
        <translation>проходы по изменённым</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>завершение</translation>
    </message>
    <message>
        <source>complete (guest paused)</source>
        <translation>завершение (гость приостановлен)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>всего %1</translation>
    </message>
    <message>
        <source>not started, up to %1 dirty passes</source>
        <translation>не начато, проходов: до %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начато</translation>
    </message>
    <message>
        <source>no dirty passes: the guest writes at the destination</source>
        <translation>без проходов по изменённым: гость пишет на приёмнике</translation>
    </message>
    <message>
        <source>no dirty passes: the guest is paused</source>
        <translation>без проходов по изменённым: гость приостановлен</translation>
    </message>
    <message>
        <source>pass %1 of max %2</source>
        <translation>проход %1 из макс. %2</translation>
    </message>
    <message>
        <source>up to %1 dirty passes</source>
        <translation>проходов: до %1</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes: did not converge</source>
        <translation>проходов: %1 из макс. %2, не сошлось</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes</source>
        <translation>проходов: %1 из макс. %2</translation>
    </message>
    <message>
        <source>dirty %1–%2</source>
        <translation>проходы %1–%2</translation>
    </message>
    <message>
        <source>dirty passes %1 to %2</source>
        <translation>проходы по изменённым с %1 по %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Current phase: %1. %2.</source>
        <translation>Текущая фаза: %1. %2.</translation>
    </message>
    <message>
        <source>Finished: %1.</source>
        <translation>Завершено: %1.</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>ещё впереди</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>now, for %1</source>
        <translation>сейчас, уже %1</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>finished, took %1</source>
        <translation>завершено за %1</translation>
    </message>
    <message>
        <source>the link failed; the source keeps every dirty bit</source>
        <translation>канал отказал; источник сохраняет каждый установленный бит</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>предел времени</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>остановлено по пределу времени</translation>
    </message>
    <message>
        <source>the run reached its time limit of %1 before the migration finished</source>
        <translation>прогон достиг предела времени (%1) до завершения миграции</translation>
    </message>
    <message>
        <source>%1 of max %2 dirty passes, stopped at the time limit (%3)</source>
        <translation>проходов: %1 из макс. %2, остановлено по пределу времени (%3)</translation>
    </message>
    <message>
        <source>stopped at the time limit (%1)</source>
        <translation>остановлено по пределу времени (%1)</translation>
    </message>
    <message>
        <source>%1/%2 passes, time limit %3</source>
        <translation>проходов: %1/%2, лимит времени %3</translation>
    </message>
    <message>
        <source>%1/%2 passes, not converged</source>
        <translation>проходов: %1/%2, не сошлось</translation>
    </message>
</context>
<context>
    <name>bitmig::PresentationMode</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>П&amp;резентация</translation>
    </message>
    <message>
        <source>Full screen with large text, the heatmaps filling it and the charts folded to a line of figures; again to go back (F11)</source>
        <translation>Полный экран с крупным текстом: тепловые карты заполняют его, а графики свёрнуты в строку показателей; повторно — чтобы вернуться (F11)</translation>
    </message>
</context>
<context>
    <name>bitmig::Qcow2Import</name>
    <message>
        <source>%1: the bitmaps in this image are stale (the header&apos;s autoclear bit for bitmaps is clear, as a program that does not know them leaves it); QEMU ignores them too.</source>
        <translation>%1: битовые карты в этом образе устарели (бит autoclear для битовых карт в заголовке сброшен — так его оставляет программа, которая о них не знает); QEMU их тоже игнорирует.</translation>
    </message>
    <message>
        <source>%1 holds no persistent bitmap.</source>
        <translation>%1 не содержит ни одной постоянной битовой карты.</translation>
    </message>
    <message>
        <source>%1 has no bitmap named &apos;%2&apos;.</source>
        <translation>В %1 нет битовой карты с именем «%2».</translation>
    </message>
    <message>
        <source>%1: bitmap &apos;%2&apos; has %3 separate dirty extents; at most %4 can be imported as writes.</source>
        <translation>%1: в битовой карте «%2» изменённых областей: %3; импортировать как записи можно не более %4.</translation>
    </message>
    <message>
        <source>%1: bitmap &apos;%2&apos; cannot be simulated: %3</source>
        <translation>%1: битовую карту «%2» невозможно симулировать: %3</translation>
    </message>
    <message>
        <source>%1, bitmap %2</source>
        <translation>%1, битовая карта %2</translation>
    </message>
    <message>
        <source>Imported from a qcow2 image: %1 dirty extents over %2 at %3 granularity.</source>
        <translation>Импортировано из образа qcow2: диск %2, гранулярность %3, изменённых областей: %1.</translation>
    </message>
    <message>
        <source>The guest is idle: only the imported bits are dirty.</source>
        <translation>Гость простаивает: установлены только импортированные биты.</translation>
    </message>
    <message>
        <source>The guest keeps its workload (%1): its writes add to the imported bits.</source>
        <translation>Гость сохраняет свою нагрузку (%1): его записи добавляются к импортированным битам.</translation>
    </message>
    <message>
        <source>%1, %2 writes/s</source>
        <translation>%1, %2 записей/с</translation>
    </message>
    <message>
        <source>%1, replaying %2</source>
        <translation>%1, воспроизводится %2</translation>
    </message>
</context>
<context>
    <name>bitmig::Qcow2ImportDialog</name>
    <message>
        <source>Import bitmap from qcow2</source>
        <translation>Импорт битовой карты из qcow2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Bitmap to import</source>
        <translation>Импортируемая битовая карта</translation>
    </message>
    <message>
        <source>&amp;Bitmap</source>
        <translation>&amp;Битовая карта</translation>
    </message>
    <message>
        <source>While the imported bitmap migrates, the guest:</source>
        <translation>Во время миграции импортированной битовой карты гость:</translation>
    </message>
    <message>
        <source>is &amp;idle: only the imported bits are dirty</source>
        <translation>&amp;простаивает: установлены только импортированные биты</translation>
    </message>
    <message>
        <source>&amp;keeps its workload (%1): its writes add to the imported bits</source>
        <translation>&amp;сохраняет свою нагрузку (%1): его записи добавляются к импортированным битам</translation>
    </message>
</context>
<context>
    <name>bitmig::QemuFileViewer</name>
    <message>
        <source>a QEMU 7.2 destination loads every bitmap</source>
        <translation>приёмник QEMU 7.2 загружает все битовые карты</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination drops every incoming bitmap (the migration completes)</source>
        <translation>приёмник QEMU 7.2 отбрасывает все входящие битовые карты (миграция завершается)</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination fails the migration</source>
        <translation>на приёмнике QEMU 7.2 миграция завершается ошибкой</translation>
    </message>
    <message>
        <source>a QEMU 7.2 destination aborts (an assertion ends the process)</source>
        <translation>приёмник QEMU 7.2 аварийно завершается (процесс прерван проверкой assert)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Смещение</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Секция</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Битовая карта</translation>
    </message>
    <message>
        <source>Start sector</source>
        <translation>Начальный сектор</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Секторы</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Буфер</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Не удаётся открыть %1: %2</translation>
    </message>
    <message>
        <source>%1: byte %2: %3</source>
        <translation>%1: байт %2: %3</translation>
    </message>
    <message>
        <source>%1: the walk stopped at byte %2: %3</source>
        <translation>%1: чтение остановилось на байте %2: %3</translation>
    </message>
    <message>
        <source>%1 at byte %2: &quot;%3&quot;</source>
        <translation>%1 на байте %2: &quot;%3&quot;</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Файл: %1 (%2)</translation>
    </message>
    <message>
        <source>QEMU: %1</source>
        <translation>QEMU: %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>включена</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>выключена</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>постоянная</translation>
    </message>
    <message>
        <source>no COMPLETE</source>
        <translation>нет COMPLETE</translation>
    </message>
    <message>
        <source>Node %1, bitmap %2; granularity %3; %4</source>
        <translation>Узел %1, битовая карта %2; гранулярность %3; %4</translation>
    </message>
    <message>
        <source>%1 dirty of %2; SHA-256 %3</source>
        <translation>%1 изменено из %2; SHA-256 %3</translation>
    </message>
    <message>
        <source>Bits not rebuilt: %1</source>
        <translation>Биты не восстановлены: %1</translation>
    </message>
    <message>
        <source>No chunk of this bitmap arrived</source>
        <translation>Ни один фрагмент этой битовой карты не пришёл</translation>
    </message>
    <message>
        <source>No bitmap in this file</source>
        <translation>В этом файле нет битовых карт</translation>
    </message>
    <message>
        <source>Migration file</source>
        <translation>Файл миграции</translation>
    </message>
    <message>
        <source>Migration file: %1</source>
        <translation>Файл миграции: %1</translation>
    </message>
    <message>
        <source>Bitmaps in the file</source>
        <translation>Битовые карты в файле</translation>
    </message>
    <message>
        <source>Records in the file</source>
        <translation>Записи в файле</translation>
    </message>
    <message>
        <source>Chunks sent with data (1 bit = %1)</source>
        <translation>Фрагменты, отправленные с данными (1 бит = %1)</translation>
    </message>
    <message>
        <source>%1 of %2 chunks in BITS records with data, the rest in ZEROES records or not sent</source>
        <translation>%1 из %2 фрагментов в записях BITS с данными, остальные в записях ZEROES или не отправлены</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigration</name>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>приёмник</translation>
    </message>
    <message>
        <source>the migration did not complete within %1 s and was cancelled (last status: %2). QEMU&apos;s precopy keeps the bitmaps pending until they fit in the downtime limit at the bandwidth it measures; a larger downtime limit, a coarser granularity or postcopy lets it finish</source>
        <translation>миграция не завершилась за %1 с и была отменена (последний статус: %2). Precopy в QEMU держит битовые карты в очереди, пока они не уложатся в предел простоя при измеренной пропускной способности; больший предел простоя, более крупная гранулярность или postcopy позволят ей завершиться</translation>
    </message>
    <message>
        <source>disks: at least one disk is needed</source>
        <translation>диски: нужен хотя бы один диск</translation>
    </message>
    <message>
        <source>disk %1: the size %2 bytes is not a positive multiple of 512</source>
        <translation>диск %1: размер %2 байт не является положительным кратным 512</translation>
    </message>
    <message>
        <source>disk %1: %2 is not a readable file</source>
        <translation>диск %1: %2 не является читаемым файлом</translation>
    </message>
    <message>
        <source>bitmaps: at least one bitmap is needed</source>
        <translation>битовые карты: нужна хотя бы одна битовая карта</translation>
    </message>
    <message>
        <source>bitmap %1: there is no disk %2</source>
        <translation>битовая карта %1: диска %2 нет</translation>
    </message>
    <message>
        <source>bitmap %1: a name of 1 to 1023 characters is needed</source>
        <translation>битовая карта %1: нужно имя длиной от 1 до 1023 символов</translation>
    </message>
    <message>
        <source>bitmap %1 (%2): the granularity %3 is not a power of two from 512 B to 2 GiB</source>
        <translation>битовая карта %1 (%2): гранулярность %3 не является степенью двойки от 512 B до 2 GiB</translation>
    </message>
    <message>
        <source>bitmap %1: disk %2 already has a bitmap named %3</source>
        <translation>битовая карта %1: у диска %2 уже есть битовая карта с именем %3</translation>
    </message>
    <message>
        <source>bandwidth: %1 bytes per second is not one QEMU takes</source>
        <translation>пропускная способность: %1 байт в секунду QEMU не принимает</translation>
    </message>
    <message>
        <source>downtime limit: %1 ms is outside 0 to %2 ms</source>
        <translation>предел простоя: %1 мс вне диапазона от 0 до %2 мс</translation>
    </message>
    <message>
        <source>timeout: %1 ms is not positive</source>
        <translation>тайм-аут: %1 мс не положительно</translation>
    </message>
    <message>
        <source>write: there is no disk %1</source>
        <translation>запись: диска %1 нет</translation>
    </message>
    <message>
        <source>%1: qemu-img info failed: %2</source>
        <translation>%1: qemu-img info завершился с ошибкой: %2</translation>
    </message>
    <message>
        <source>%1: not a qcow2 image (qemu-img says format %2)</source>
        <translation>%1: не образ qcow2 (qemu-img сообщает формат %2)</translation>
    </message>
    <message>
        <source>%1: the scratch copy failed: %2</source>
        <translation>%1: не удалось сделать рабочую копию: %2</translation>
    </message>
    <message>
        <source>disk %1: qemu-img create failed: %2</source>
        <translation>диск %1: qemu-img create завершился с ошибкой: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU did not start: %2</source>
        <translation>QEMU (%1) не запустился: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU exited at once: %2</source>
        <translation>QEMU (%1) сразу завершился: %2</translation>
    </message>
    <message>
        <source>the %1 QEMU made no QMP socket in %2 s</source>
        <translation>QEMU (%1) не создал QMP-сокет за %2 с</translation>
    </message>
    <message>
        <source>the %1 QEMU: %2</source>
        <translation>QEMU (%1): %2</translation>
    </message>
    <message>
        <source>qemu-system-x86_64 is not on PATH (Debian: the qemu-system-x86 package)</source>
        <translation>qemu-system-x86_64 нет в PATH (Debian: пакет qemu-system-x86)</translation>
    </message>
    <message>
        <source>qemu-img is not on PATH (Debian: the qemu-utils package)</source>
        <translation>qemu-img нет в PATH (Debian: пакет qemu-utils)</translation>
    </message>
    <message>
        <source>cannot make a private folder: %1</source>
        <translation>не удаётся создать личную папку: %1</translation>
    </message>
    <message>
        <source>write: %1 bytes at %2 do not lie inside disk %3 (%4 bytes)</source>
        <translation>запись: %1 байт по смещению %2 не лежат внутри диска %3 (%4 байт)</translation>
    </message>
    <message>
        <source>write: qemu-io writes whole 512-byte sectors; %1 bytes at %2 are not</source>
        <translation>запись: qemu-io пишет целые секторы по 512 байт; %1 байт по смещению %2 таковыми не являются</translation>
    </message>
    <message>
        <source>write: %1</source>
        <translation>запись: %1</translation>
    </message>
    <message>
        <source>write: QEMU said: %1</source>
        <translation>запись: QEMU ответил: %1</translation>
    </message>
    <message>
        <source>start: prepare() a new migration first</source>
        <translation>старт: сначала подготовьте новую миграцию (prepare())</translation>
    </message>
    <message>
        <source>migrate-start-postcopy: no migration is running</source>
        <translation>migrate-start-postcopy: миграция не идёт</translation>
    </message>
    <message>
        <source>migrate-start-postcopy: this migration was set up as precopy</source>
        <translation>migrate-start-postcopy: эта миграция настроена как precopy</translation>
    </message>
    <message>
        <source>write: the source no longer runs (status %1): QEMU stopped it for the switch-over</source>
        <translation>запись: источник больше не работает (статус %1): QEMU остановил его для переключения</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не запущена</translation>
    </message>
    <message>
        <source>QEMU&apos;s migration ended with status %1</source>
        <translation>миграция QEMU завершилась со статусом %1</translation>
    </message>
    <message>
        <source>QEMU&apos;s migration ended with status %1: %2</source>
        <translation>миграция QEMU завершилась со статусом %1: %2</translation>
    </message>
    <message>
        <source>QEMU completed the migration without pausing before the switch-over</source>
        <translation>QEMU завершил миграцию без паузы перед переключением</translation>
    </message>
    <message>
        <source>the source completed but the destination&apos;s migration status is %1</source>
        <translation>источник завершил, но статус миграции на приёмнике — %1</translation>
    </message>
    <message>
        <source>the destination QEMU: %1</source>
        <translation>QEMU (приёмник): %1</translation>
    </message>
    <message>
        <source>the source QEMU ended during the migration (status %1)</source>
        <translation>QEMU-источник завершился во время миграции (состояние %1)</translation>
    </message>
    <message>
        <source>the %1 QEMU was killed during the migration (status %2)</source>
        <translation>QEMU (%1) был убит во время миграции (статус %2)</translation>
    </message>
    <message>
        <source>the %1 QEMU exited with code %2 during the migration (status %3)</source>
        <translation>QEMU (%1) завершился с кодом %2 во время миграции (статус %3)</translation>
    </message>
    <message>
        <source>The simulator cannot model this run: %1</source>
        <translation>Симулятор не может смоделировать этот запуск: %1</translation>
    </message>
    <message>
        <source>%1 pending (QEMU counts each of the bitmaps&apos; %2 bits as a byte)</source>
        <translation>ожидает %1 (QEMU считает каждый из %2 битов битовых карт за байт)</translation>
    </message>
    <message>
        <source>QEMU switches to postcopy when asked, whatever is pending; the bitmaps follow the switch-over.</source>
        <translation>QEMU переключается на postcopy по запросу, что бы ни ожидало передачи; битовые карты передаются после переключения.</translation>
    </message>
    <message>
        <source>QEMU will not complete this precopy: %1, and the downtime limit lets at most %2 through at max-bandwidth (%3/s for %4 ms). It keeps iterating until cancelled; a larger downtime limit or bandwidth, a coarser granularity or postcopy lets it finish.</source>
        <translation>QEMU не завершит эту precopy: %1, а предел простоя пропускает не более %2 при max-bandwidth (%3/с за %4 мс). Итерации продолжаются до отмены; завершиться позволят больший предел простоя или полоса, более грубая гранулярность или postcopy.</translation>
    </message>
    <message>
        <source>QEMU completes this precopy once the bandwidth it measures exceeds %1/s: %2 must fit in what the downtime limit (%3 ms) lets through, at most %4 at max-bandwidth. It measures its first window after 100 ms.</source>
        <translation>QEMU завершит эту precopy, как только измеренная им полоса превысит %1/с: %2 должны уместиться в то, что пропускает предел простоя (%3 мс), не более %4 при max-bandwidth. Первое окно измерения заканчивается через 100 мс.</translation>
    </message>
    <message>
        <source>QEMU measures %1/s: the downtime limit lets %2 through, more than the %3 pending: it completes.</source>
        <translation>QEMU измеряет %1/с: предел простоя пропускает %2, больше ожидающих %3: миграция завершается.</translation>
    </message>
    <message>
        <source>QEMU measures %1/s: the downtime limit lets %2 through, less than the %3 pending: it does not complete at this bandwidth.</source>
        <translation>QEMU измеряет %1/с: предел простоя пропускает %2, меньше ожидающих %3: при такой полосе миграция не завершается.</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigrationDialog</name>
    <message>
        <source>Run a real QEMU migration</source>
        <translation>Запустить настоящую миграцию QEMU</translation>
    </message>
    <message>
        <source>Two QEMUs with no guest (-machine none) are started on scratch images in a private folder, and the source&apos;s dirty bitmaps migrate to the destination over a unix socket. Your own images are only read.</source>
        <translation>Два QEMU без гостя (-machine none) запускаются на рабочих образах в личной папке, и грязные битовые карты источника мигрируют на приёмник через unix-сокет. Ваши собственные образы только читаются.</translation>
    </message>
    <message>
        <source>New image of</source>
        <translation>Новый образ размером</translation>
    </message>
    <message>
        <source>Scratch copies of</source>
        <translation>Рабочие копии</translation>
    </message>
    <message>
        <source>qcow2 files, separated by ;</source>
        <translation>файлы qcow2 через ;</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Обзор...</translation>
    </message>
    <message>
        <source>qcow2 images to copy</source>
        <translation>Образы qcow2 для копирования</translation>
    </message>
    <message>
        <source>qcow2 images (*.qcow2);;All files (*)</source>
        <translation>Образы qcow2 (*.qcow2);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Битовая карта</translation>
    </message>
    <message>
        <source>Granularity (bytes)</source>
        <translation>Гранулярность (байт)</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>Постоянная</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Add bitmap</source>
        <translation>Добавить битовую карту</translation>
    </message>
    <message>
        <source>Remove bitmap</source>
        <translation>Удалить битовую карту</translation>
    </message>
    <message>
        <source>bitmap%1</source>
        <translation>bitmap%1</translation>
    </message>
    <message>
        <source>Bitmaps on the source:</source>
        <translation>Битовые карты на источнике:</translation>
    </message>
    <message>
        <source>Precopy (the bitmaps are sent at completion, the guest paused)</source>
        <translation>Precopy (битовые карты отправляются при завершении, гость приостановлен)</translation>
    </message>
    <message>
        <source>Postcopy (migrate-start-postcopy; the bitmaps follow the switch-over)</source>
        <translation>Postcopy (migrate-start-postcopy; битовые карты идут после переключения)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <source>Switch to postcopy when I press the button (else at once)</source>
        <translation>Переключиться на postcopy по нажатию кнопки (иначе сразу)</translation>
    </message>
    <message>
        <source>max-bandwidth %1/s, downtime-limit %2 (from the Parameters dock)</source>
        <translation>max-bandwidth %1/с, downtime-limit %2 (из панели параметров)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Start the QEMUs</source>
        <translation>Запустить QEMU</translation>
    </message>
    <message>
        <source>Scratch copies: name at least one qcow2 file</source>
        <translation>Рабочие копии: укажите хотя бы один файл qcow2</translation>
    </message>
    <message>
        <source>Bitmap %1: the granularity &quot;%2&quot; is not a number of bytes</source>
        <translation>Битовая карта %1: гранулярность «%2» не является числом байт</translation>
    </message>
    <message>
        <source>Bitmap %1: the disk &quot;%2&quot; is not a disk number</source>
        <translation>Битовая карта %1: диск «%2» не является номером диска</translation>
    </message>
</context>
<context>
    <name>bitmig::RealMigrationWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Real QEMU migration (%1)</source>
        <translation>Настоящая миграция QEMU (%1)</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>postcopy</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>precopy</translation>
    </message>
    <message>
        <source>QEMU %1 is ready: source and destination started, bitmaps added. Brush on the disk to write to it, then Start.</source>
        <translation>QEMU %1 готов: источник и приёмник запущены, битовые карты добавлены. Пишите на диск кистью, затем нажмите «Старт».</translation>
    </message>
    <message>
        <source>Start the migration</source>
        <translation>Начать миграцию</translation>
    </message>
    <message>
        <source>Switch to postcopy</source>
        <translation>Переключиться на postcopy</translation>
    </message>
    <message>
        <source>Cancel the migration</source>
        <translation>Отменить миграцию</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>Simulator&apos;s prediction</source>
        <translation>Прогноз симулятора</translation>
    </message>
    <message>
        <source>Bitmap</source>
        <translation>Битовая карта</translation>
    </message>
    <message>
        <source>Source SHA-256 (at the switch-over)</source>
        <translation>SHA-256 источника (при переключении)</translation>
    </message>
    <message>
        <source>Destination SHA-256</source>
        <translation>SHA-256 приёмника</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Совпадает</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>QEMU: %1, %2 ms, %3 sent</source>
        <translation>QEMU: %1, %2 мс, отправлено %3</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>(no such bitmap)</source>
        <translation>(нет такой битовой карты)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>НЕТ</translation>
    </message>
    <message>
        <source>Completed: every bitmap arrived with the source&apos;s SHA-256. Both QEMUs are stopped and their folder removed.</source>
        <translation>Завершено: каждая битовая карта пришла с SHA-256 источника. Оба QEMU остановлены, их папка удалена.</translation>
    </message>
    <message>
        <source>Completed, but not every bitmap arrived with the source&apos;s SHA-256. Both QEMUs are stopped and their folder removed.</source>
        <translation>Завершено, но не каждая битовая карта пришла с SHA-256 источника. Оба QEMU остановлены, их папка удалена.</translation>
    </message>
    <message>
        <source>The migration failed (%1): %2</source>
        <translation>Миграция не удалась (%1): %2</translation>
    </message>
    <message>
        <source>The brush writes to the real disk; a clear has no QEMU counterpart here.</source>
        <translation>Кисть пишет на настоящий диск; у очистки здесь нет аналога в QEMU.</translation>
    </message>
    <message>
        <source>Writes to the source&apos;s disk (what %1 of %2 records)</source>
        <translation>Записи на диск источника (что фиксирует %1 на %2)</translation>
    </message>
    <message>
        <source>%1 dirty of %2, 1 bit = %3</source>
        <translation>%1 грязных из %2, 1 бит = %3</translation>
    </message>
    <message>
        <source>Written with the brush</source>
        <translation>Записано кистью</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>stop-and-copy</translation>
    </message>
    <message>
        <source>(after the run)</source>
        <translation>(после прогона)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Общее время</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Простой</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Отправлено байт</translation>
    </message>
    <message>
        <source>The prediction runs the lab&apos;s %1 (what QEMU&apos;s %2 does with the bitmaps) on the same disks and bitmaps, bandwidth and downtime limit, with the same writes. QEMU&apos;s downtime includes the pause at pre-switchover where the app reads the source&apos;s SHA-256.</source>
        <translation>Прогноз запускает %1 лаборатории (то, что %2 в QEMU делает с битовыми картами) на тех же дисках и битовых картах, с той же пропускной способностью и пределом простоя и с теми же записями. Простой QEMU включает паузу в pre-switchover, во время которой приложение читает SHA-256 источника.</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation>нет (%1)</translation>
    </message>
    <message>
        <source>yes, after the switch to postcopy</source>
        <translation>да, после переключения на postcopy</translation>
    </message>
    <message>
        <source>yes, once QEMU measures over %1/s</source>
        <translation>да, как только QEMU измерит более %1/с</translation>
    </message>
    <message>
        <source>no: %1 pending, at most %2 let through</source>
        <translation>нет: ожидает %1, пропускается не более %2</translation>
    </message>
    <message>
        <source>(does not complete)</source>
        <translation>(не завершается)</translation>
    </message>
    <message>
        <source>Completes</source>
        <translation>Завершается</translation>
    </message>
    <message>
        <source>QEMU does not complete it, so the lab&apos;s time and downtime are not shown; the bytes are what the bitmaps would take at completion.</source>
        <translation>QEMU её не завершает, поэтому время и простой лаборатории не показаны; байты — это то, что заняли бы битовые карты при завершении.</translation>
    </message>
</context>
<context>
    <name>bitmig::RecentFiles</name>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Очистить список</translation>
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
        <translation>Фрагмент</translation>
    </message>
    <message>
        <source>Disk per meta bit</source>
        <translation>Диск/мета-бит</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Фрагментов</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Накладные</translation>
    </message>
    <message>
        <source>Chunks of %1: one meta bit covers %2 of disk; a data record carries %3 bytes of header and %4 bytes of padding.</source>
        <translation>Фрагменты по %1: один мета-бит покрывает %2 диска; запись данных несёт %3 байт заголовка и %4 байт выравнивания.</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <source>✗: a QEMU destination cannot load a stream of these chunks (a row&apos;s tool tip says why).</source>
        <translation>✗: приёмник QEMU не сможет загрузить поток с такими фрагментами (причина — во всплывающей подсказке строки).</translation>
    </message>
    <message>
        <source>A QEMU destination aborts on these chunks: it deserializes whole 64-bit words, and a chunk of %1 is less than one.</source>
        <translation>Приёмник QEMU аварийно завершается на таких фрагментах: он десериализует целые 64-битные слова, а фрагмент в %1 меньше одного слова.</translation>
    </message>
    <message>
        <source>A QEMU destination fails the migration with these chunks: their %1 buffers are above the %2 its loader accepts (&quot;buffer allocation request is too large&quot;).</source>
        <translation>С такими фрагментами приёмник QEMU прерывает миграцию с ошибкой: их буферы по %1 больше %2, которые принимает его загрузчик («buffer allocation request is too large»).</translation>
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
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>On the heatmaps: the wheel zooms, dragging pans, Shift+drag zooms into a rectangle, and with the brush Ctrl+drag clears instead of writing.</source>
        <translation>На тепловых картах: колесо мыши меняет масштаб, перетаскивание сдвигает, Shift+перетаскивание увеличивает прямоугольник, а с кистью Ctrl+перетаскивание очищает вместо записи.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Пуск или пауза</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>bitmig::SizeSpinBox</name>
    <message>
        <source>%1 is outside %2 .. %3</source>
        <translation>%1 вне диапазона %2 .. %3</translation>
    </message>
    <message>
        <source>%1 is not a power of two</source>
        <translation>%1 — не степень двойки</translation>
    </message>
    <message>
        <source>%1 is not a multiple of %2</source>
        <translation>%1 не кратно %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
</context>
<context>
    <name>bitmig::SummaryPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Проходы по изменённым</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Полезная нагрузка</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Накладные расходы</translation>
    </message>
    <message>
        <source>Chunks sent</source>
        <translation>Отправлено фрагментов</translation>
    </message>
    <message>
        <source>Writes applied</source>
        <translation>Применено записей</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Время простоя</translation>
    </message>
    <message>
        <source>Expected downtime</source>
        <translation>Ожидаемое время простоя</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Общее время</translation>
    </message>
    <message>
        <source>Unusable window</source>
        <translation>Окно недоступности</translation>
    </message>
    <message>
        <source>Lost bits</source>
        <translation>Потеряно бит</translation>
    </message>
    <message>
        <source>Source SHA-256</source>
        <translation>SHA-256 источника</translation>
    </message>
    <message>
        <source>Destination SHA-256</source>
        <translation>SHA-256 приёмника</translation>
    </message>
    <message>
        <source>no (cancelled)</source>
        <translation>нет (отменено)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>yes ✓</source>
        <translation>да ✓</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>НЕТ ✗</translation>
    </message>
    <message>
        <source>precopy</source>
        <translation>предкопирование</translation>
    </message>
    <message>
        <source>postcopy</source>
        <translation>посткопирование</translation>
    </message>
    <message>
        <source>stop and copy</source>
        <translation>остановка и копирование</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начато</translation>
    </message>
    <message>
        <source>finished, converged</source>
        <translation>завершено, сошлось</translation>
    </message>
    <message>
        <source>finished, did not converge</source>
        <translation>завершено, не сошлось</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2 resent, %3 zeroes) of %4</source>
        <translation>%1 из %4 (повторно: %2, ZEROES: %3)</translation>
    </message>
    <message>
        <source>%1 writes, %2 clears</source>
        <translation>записей: %1, очисток: %2</translation>
    </message>
    <message>
        <source>%1 (limit %2)</source>
        <translation>%1 (лимит %2)</translation>
    </message>
    <message>
        <source>%1 lost, %2 extra</source>
        <translation>потеряно: %1, лишних: %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>no (stopped at the time limit)</source>
        <translation>нет (остановлено по пределу времени)</translation>
    </message>
    <message>
        <source>stopped at the time limit of %1 before the migration finished</source>
        <translation>остановлено по пределу времени (%1) до завершения миграции</translation>
    </message>
    <message>
        <source>Bitmaps</source>
        <translation>Битовые карты</translation>
    </message>
    <message>
        <source>verified ✓</source>
        <translation>проверена ✓</translation>
    </message>
    <message>
        <source>NOT verified ✗</source>
        <translation>НЕ проверена ✗</translation>
    </message>
    <message>
        <source>%1/%2: %3 in %4 of %5 chunks (%6 resent), %7 dirty bits, %8; SHA-256 %9</source>
        <translation>%1/%2: %3 в %4 из %5 фрагментов (%6 повторно), %7 грязных бит, %8; SHA-256 %9</translation>
    </message>
</context>
<context>
    <name>bitmig::SweepView</name>
    <message>
        <source>Wire bytes (MiB)</source>
        <translation>Байты в канале (MiB)</translation>
    </message>
    <message>
        <source>Overhead (% of wire bytes)</source>
        <translation>Накладные расходы (% байтов в канале)</translation>
    </message>
    <message>
        <source>Resent chunks</source>
        <translation>Повторно отправленные фрагменты</translation>
    </message>
    <message>
        <source>Dirty passes</source>
        <translation>Проходы по изменённым</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cancelling...</source>
        <translation>отмена…</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 left</source>
        <translation>%1 из %2 прогонов, осталось %3</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 из %2 прогонов</translation>
    </message>
    <message>
        <source>no sweep yet</source>
        <translation>серия ещё не запускалась</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 runs</source>
        <translation>отменено после %1 из %2 прогонов</translation>
    </message>
    <message>
        <source>%1 runs on %2 threads</source>
        <translation>%1 прогонов в %2 потоках</translation>
    </message>
    <message>
        <source>migration starts at %1</source>
        <translation>миграция начинается в %1</translation>
    </message>
    <message>
        <source>The current configuration&apos;s migration start: every run of the sweep lets the guest write alone until then.</source>
        <translation>Начало миграции в текущей конфигурации: в каждом прогоне серии гость до этого момента пишет один.</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>ход</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>сошлась</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>не сошлась</translation>
    </message>
    <message>
        <source>best</source>
        <translation>лучшая</translation>
    </message>
    <message>
        <source>downtime limit</source>
        <translation>предел простоя</translation>
    </message>
    <message>
        <source>Best by %1 (%2): %3 = %4 — %5 wire bytes, downtime %6, total time %7. Click a point to run it in the window.</source>
        <translation>Лучшая по %1 (%2): %3 = %4 — %5 в канале, простой %6, общее время %7. Щелчок по точке запускает её в окне.</translation>
    </message>
    <message>
        <source>Best by %1: none, no run verified and converged.</source>
        <translation>Лучшая по %1: нет, ни один прогон не прошёл проверку и не сошёлся.</translation>
    </message>
    <message>
        <source>%1: no map to export</source>
        <translation>%1: нет карты для экспорта</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Серия прогонов</translation>
    </message>
    <message>
        <source>%1: use a .csv, .json, .png or .svg file name</source>
        <translation>%1: укажите имя файла с расширением .csv, .json, .png или .svg</translation>
    </message>
    <message>
        <source>%1: no finished sweep to export</source>
        <translation>%1: нет завершённой серии для экспорта</translation>
    </message>
    <message>
        <source>Export the sweep</source>
        <translation>Экспорт серии</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;PNG image (*.png);;SVG image (*.svg)</source>
        <translation>CSV (*.csv);;JSON (*.json);;Изображение PNG (*.png);;Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <source>Para&amp;meter:</source>
        <translation>Пара&amp;метр:</translation>
    </message>
    <message>
        <source>Val&amp;ues:</source>
        <translation>Значения (&amp;u):</translation>
    </message>
    <message>
        <source>A comma list in the form bitmig sweep reads (&quot;all&quot; for every chunk size from 1 B to 1 MiB); each value is one run of the current configuration</source>
        <translation>Список через запятую в том виде, который читает bitmig sweep («all» — все размеры фрагмента от 1 B до 1 MiB); каждое значение — один прогон текущей конфигурации</translation>
    </message>
    <message>
        <source>Best b&amp;y:</source>
        <translation>Лучшая по (&amp;y):</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Запустить серию</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отмена</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>Э&amp;кспорт…</translation>
    </message>
    <message>
        <source>Convergence map</source>
        <translation>Карта сходимости</translation>
    </message>
    <message>
        <source>Sweep every chunk size against the parameter and show where the migration stops converging, coloured by downtime</source>
        <translation>Прогнать каждый размер фрагмента против параметра и показать, где миграция перестаёт сходиться, с окраской по простою</translation>
    </message>
    <message>
        <source>Chun&amp;ks:</source>
        <translation>Фрагменты (&amp;k):</translation>
    </message>
    <message>
        <source>%1 writes/s</source>
        <translation>%1 записей/с</translation>
    </message>
    <message>
        <source>no map yet</source>
        <translation>карты пока нет</translation>
    </message>
    <message>
        <source>Downtime and its limit</source>
        <translation>Простой и его предел</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Общее время</translation>
    </message>
    <message>
        <source>Nothing to export while the sweep runs</source>
        <translation>Пока серия идёт, экспортировать нечего</translation>
    </message>
    <message>
        <source>Nothing to export: no convergence map yet, press Run sweep to draw one</source>
        <translation>Экспортировать нечего: карты сходимости ещё нет, нажмите «Запустить серию», чтобы построить её</translation>
    </message>
    <message>
        <source>Nothing to export: no sweep yet, press Run sweep</source>
        <translation>Экспортировать нечего: серия ещё не запускалась, нажмите «Запустить серию»</translation>
    </message>
    <message>
        <source>Nothing to export: the sweep was cancelled</source>
        <translation>Экспортировать нечего: серия была отменена</translation>
    </message>
    <message>
        <source>Save the map as SVG or PNG, or its runs as CSV or JSON</source>
        <translation>Сохранить карту в SVG или PNG либо её прогоны в CSV или JSON</translation>
    </message>
    <message>
        <source>Save the runs as CSV or JSON, or the charts as PNG or SVG</source>
        <translation>Сохранить прогоны в CSV или JSON либо графики в PNG или SVG</translation>
    </message>
    <message>
        <source>Click a point to run it in the window; Ctrl+click adds it as a lane of View &gt; Compare</source>
        <translation>Щелчок по точке запускает её в окне; Ctrl+щелчок добавляет её дорожкой в Вид &gt; Сравнить</translation>
    </message>
</context>
<context>
    <name>bitmig::UnitField</name>
    <message>
        <source>%1 to %2</source>
        <translation>от %1 до %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number from %2</source>
        <translation>«%1» — не целое число в диапазоне %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large (use a whole number from %2)</source>
        <translation>«%1» — слишком большое значение (введите целое число в диапазоне %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too small (use a whole number from %2)</source>
        <translation>«%1» — слишком маленькое значение (введите целое число в диапазоне %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>«%1» — не число</translation>
    </message>
</context>
<context>
    <name>bitmig::WorkloadPanel</name>
    <message>
        <source>Workload type</source>
        <translation>Тип нагрузки</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Без нагрузки</translation>
    </message>
    <message>
        <source>Uniform random</source>
        <translation>Равномерная случайная</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>Последовательная</translation>
    </message>
    <message>
        <source>Hot spot</source>
        <translation>Горячая точка</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source>Bursts</source>
        <translation>Всплески</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>Smallest write</source>
        <translation>Наименьшая запись</translation>
    </message>
    <message>
        <source>Largest write</source>
        <translation>Наибольшая запись</translation>
    </message>
    <message>
        <source>&amp;Zipf exponent</source>
        <translation>Пока&amp;затель Zipf</translation>
    </message>
    <message>
        <source>Burst &amp;period</source>
        <translation>Период вспл&amp;есков</translation>
    </message>
    <message>
        <source>Write size &amp;from</source>
        <translation>&amp;Размер записи от</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>&amp;до</translation>
    </message>
    <message>
        <source>Recorded trace</source>
        <translation>Записанная трасса</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Трасса</translation>
    </message>
    <message>
        <source>C&amp;hoose trace...</source>
        <translation>Вы&amp;брать...</translation>
    </message>
    <message>
        <source>Replay the writes of a fio iolog, blkparse output or a CSV trace (time, offset, length, operation)</source>
        <translation>Воспроизвести операции записи из iolog-файла fio, вывода blkparse или трассы CSV (время, смещение, длина, операция)</translation>
    </message>
    <message>
        <source>&amp;No trace</source>
        <translation>&amp;Убрать</translation>
    </message>
    <message>
        <source>Stop replaying the trace</source>
        <translation>Прекратить воспроизведение трассы</translation>
    </message>
    <message>
        <source>Trace replay speed (2 = twice as fast)</source>
        <translation>Скорость воспроизведения трассы (2 — вдвое быстрее)</translation>
    </message>
    <message>
        <source>&amp;Loop the trace</source>
        <translation>&amp;Циклически повторять трассу</translation>
    </message>
    <message>
        <source>Start the trace again when it ends</source>
        <translation>Начинать трассу заново, когда она закончится</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1: %2 writes, %3 clears over %4 s</source>
        <translation>%1: записей %2, очисток %3 за %4 с</translation>
    </message>
    <message>
        <source>Guest writes per second: 20000, 20k, 1.5M (0 to 1e9)</source>
        <translation>Записей гостя в секунду: 20000, 20k, 1.5M (от 0 до 1e9)</translation>
    </message>
    <message>
        <source>&amp;Rate (writes/s)</source>
        <translation>&amp;Частота (записей/с)</translation>
    </message>
    <message>
        <source>Share of the disk that is hot, in percent (above 0, up to 100)</source>
        <translation>Доля диска, которая является горячей областью, в процентах (больше 0, не более 100)</translation>
    </message>
    <message>
        <source>Hot &amp;area (% of disk)</source>
        <translation>Горячая &amp;область (% диска)</translation>
    </message>
    <message>
        <source>Share of writes that land in the hot area, in percent (0 to 100)</source>
        <translation>Доля записей, попадающих в горячую область, в процентах (от 0 до 100)</translation>
    </message>
    <message>
        <source>Hot &amp;share (% of writes)</source>
        <translation>Доля горячих зап&amp;исей (%)</translation>
    </message>
    <message>
        <source>Zipf exponent (skew), above 0 and up to 10</source>
        <translation>Показатель Zipf (асимметрия), больше 0 и не более 10</translation>
    </message>
    <message>
        <source>Burst period: 1 s, 250 ms</source>
        <translation>Период всплесков: 1 s, 250 ms</translation>
    </message>
    <message>
        <source>Share of each period with writes, in percent (above 0, up to 100)</source>
        <translation>Доля каждого периода, в которую идут записи, в процентах (больше 0, не более 100)</translation>
    </message>
    <message>
        <source>Burst &amp;duty (%)</source>
        <translation>За&amp;полнение периода (%)</translation>
    </message>
    <message>
        <source>Replay sp&amp;eed (x)</source>
        <translation>Те&amp;мп трассы (x)</translation>
    </message>
    <message>
        <source>must be above %1 % and at most %2 %, got %3 %</source>
        <translation>значение должно быть больше %1 % и не больше %2 %, получено: %3 %</translation>
    </message>
    <message>
        <source>must be from %1 % to %2 %, got %3 %</source>
        <translation>значение должно быть от %1 % до %2 %, получено: %3 %</translation>
    </message>
</context>
<context>
    <name>bitmig::ZoomStack</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Show a smaller part of the disk</source>
        <translation>Показать меньшую часть диска</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>Show a larger part of the disk</source>
        <translation>Показать большую часть диска</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Сбросить масштаб</translation>
    </message>
    <message>
        <source>Show the whole disk</source>
        <translation>Показать весь диск</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Go back to the previous view</source>
        <translation>Вернуться к предыдущему виду</translation>
    </message>
</context>
<context>
    <name>bitmig::qemu::LiveBitmapReader</name>
    <message>
        <source>unknown libnbd error</source>
        <translation>неизвестная ошибка libnbd</translation>
    </message>
    <message>
        <source>NBD: %1</source>
        <translation>NBD: %1</translation>
    </message>
    <message>
        <source>NBD: connecting to %1: %2</source>
        <translation>NBD: подключение к %1: %2</translation>
    </message>
    <message>
        <source>NBD: the export does not offer %1</source>
        <translation>NBD: экспорт не предоставляет %1</translation>
    </message>
    <message>
        <source>NBD: block status at offset %1: %2</source>
        <translation>NBD: состояние блоков по смещению %1: %2</translation>
    </message>
    <message>
        <source>NBD: block status at offset %1 described nothing</source>
        <translation>NBD: состояние блоков по смещению %1 ничего не описало</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot make a folder for the NBD socket: %1</source>
        <translation>не удаётся создать папку для сокета NBD: %1</translation>
    </message>
    <message>
        <source>QEMU already runs an NBD server; name its unix socket to read through it (QEMU said: %1)</source>
        <translation>В QEMU уже работает сервер NBD; укажите его unix-сокет, чтобы читать через него (QEMU сообщил: %1)</translation>
    </message>
    <message>
        <source>starting an NBD server: %1</source>
        <translation>запуск сервера NBD: %1</translation>
    </message>
    <message>
        <source>QEMU has no block node &apos;%1&apos; (nodes: %2)</source>
        <translation>в QEMU нет блочного узла &apos;%1&apos; (узлы: %2)</translation>
    </message>
    <message>
        <source>block node &apos;%1&apos; has no bitmap &apos;%2&apos; (bitmaps: %3)</source>
        <translation>у блочного узла &apos;%1&apos; нет битовой карты &apos;%2&apos; (битовые карты: %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>copying the bitmaps</source>
        <translation>копирование битовых карт</translation>
    </message>
    <message>
        <source>exporting the copies of node &apos;%1&apos;</source>
        <translation>экспорт копий узла &apos;%1&apos;</translation>
    </message>
    <message>
        <source>QEMU exited during the refresh (%1)</source>
        <translation>QEMU завершился во время обновления (%1)</translation>
    </message>
</context>
<context>
    <name>bitmig::qemu::QmpClient</name>
    <message>
        <source>the QMP greeting</source>
        <translation>приветствия QMP</translation>
    </message>
    <message>
        <source>QEMU refused %1: %2 (%3)</source>
        <translation>QEMU отклонил %1: %2 (%3)</translation>
    </message>
    <message>
        <source>QEMU did not answer %1 in time: %2</source>
        <translation>QEMU не ответил на %1 вовремя: %2</translation>
    </message>
    <message>
        <source>the connection to QEMU ended during %1: %2</source>
        <translation>соединение с QEMU прервалось во время %1: %2</translation>
    </message>
    <message>
        <source>not a QMP server (during %1): %2</source>
        <translation>не сервер QMP (во время %1): %2</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>не удаётся подключиться: %1</translation>
    </message>
    <message>
        <source>no answer to qmp_capabilities within %1 ms</source>
        <translation>нет ответа на qmp_capabilities за %1 мс</translation>
    </message>
    <message>
        <source>no QMP greeting within %1 ms</source>
        <translation>нет приветствия QMP за %1 мс</translation>
    </message>
    <message>
        <source>the client closed the connection</source>
        <translation>клиент закрыл соединение</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>нет соединения</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>нет ответа за %1 мс</translation>
    </message>
    <message>
        <source>no %1 event within %2 ms</source>
        <translation>нет события %1 за %2 мс</translation>
    </message>
    <message>
        <source>received data that is not a QMP greeting: %1</source>
        <translation>получены данные, не являющиеся приветствием QMP: %1</translation>
    </message>
    <message>
        <source>a line of more than %1 bytes</source>
        <translation>строка длиннее %1 байт</translation>
    </message>
    <message>
        <source>received a line that is not a JSON object: %1</source>
        <translation>получена строка, не являющаяся объектом JSON: %1</translation>
    </message>
    <message>
        <source>a reply with neither &quot;return&quot; nor &quot;error&quot;</source>
        <translation>ответ без &quot;return&quot; и без &quot;error&quot;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>QEMU closed the connection</source>
        <translation>QEMU закрыл соединение</translation>
    </message>
    <message>
        <source>the first line is not a QMP greeting: %1</source>
        <translation>первая строка не является приветствием QMP: %1</translation>
    </message>
</context>
</TS>
