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
        <source>&apos;%1&apos; has an unknown time unit &apos;%2&apos; (use ns, us, ms, s or min).</source>
        <translation>В «%1» неизвестная единица времени «%2» (используйте ns, us, ms, s или min).</translation>
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
        <translation>Диск 4 TiB, канал 50 Мбит/с, постоянная нагрузка записью и лимит времени простоя 50 мс: подготовка, основной проход, несколько проходов по изменённым и завершение сменяют друг друга за считаные секунды.</translation>
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
        <source>%1 holds several bitmaps. Which one?</source>
        <translation>%1 содержит несколько битовых карт. Какую взять?</translation>
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
        <source>One-way link delay: 20 ms, 1.5 s, 250 us</source>
        <translation>Задержка канала в одну сторону: 20 ms, 1.5 s, 250 us</translation>
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
        <source>Simulation tick, 1 us to 1 s</source>
        <translation>Такт симуляции, от 1 us до 1 s</translation>
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
</context>
<context>
    <name>bitmig::PresentationMode</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>П&amp;резентация</translation>
    </message>
    <message>
        <source>Full screen with large text, the heatmaps filling it and the charts folded to one line of figures; again to go back (F11)</source>
        <translation>Полный экран с крупным текстом: тепловые карты заполняют его, а графики свёрнуты в одну строку показателей; повторно — чтобы вернуться (F11)</translation>
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
</TS>
