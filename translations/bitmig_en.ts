<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ScenarioFile</name>
    <message numerus="yes">
        <source>%n passes</source>
        <translation>
            <numerusform>%n pass</numerusform>
            <numerusform>%n passes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bitmig::LiveWindow</name>
    <message numerus="yes">
        <source>%Ln extents</source>
        <translation>
            <numerusform>%Ln extent</numerusform>
            <numerusform>%Ln extents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln round trips</source>
        <translation>
            <numerusform>%Ln round trip</numerusform>
            <numerusform>%Ln round trips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
</context>
</TS>
