// All Dutch text the self-assessment script shows, in one place.

// ---- ZONDER_SCRIPT: begin ----
// Text for where this module does not run: the build writes it into the page (hooks/zelftests.py
// reads the JSON object below, so keep it valid JSON: double quotes, no trailing comma). The
// noscript sentence stands under each form; the start check (startcontrole.js, a classic script)
// shows the others when the site is opened from disk or the module does not start.
export const ZONDER_SCRIPT = Object.freeze({
  "zonderJavaScript": "Je kunt de vragen lezen. Maar je uitslag berekenen kan alleen met JavaScript, en dat staat in deze browser uit.",
  "vanSchijfKop": "Open de site via een webserver",
  "vanSchijf": "Je hebt deze pagina geopend als bestand op je computer. Dan werken de zelftests niet. Open de site via het adres op je intranet: een adres dat begint met http:// of https://.",
  "startNiet": "De rekenmodule is niet gestart. Waarschijnlijk stuurt de webserver de .mjs-bestanden niet als JavaScript, of is deze browser te oud. Probeer een actuele versie van Chrome, Edge, Firefox of Safari. Helpt dat niet, vraag dan je beheerder om hulp.",
  "installeren": "Zo zet je de site op een webserver.",
  "controleZonderJavaScript": "Deze controle werkt alleen met JavaScript, en dat staat in deze browser uit. Zet JavaScript aan, of loop de stappen hieronder met de hand na."
});
// ---- ZONDER_SCRIPT: end ----

export const TEKSTEN = Object.freeze({
  // ---- The form (form.mjs, concept.mjs, main.mjs) ----
  laden: "De rekenmodule wordt geladen. Je kunt alvast beginnen met invullen.",
  klaar: "De rekenmodule is klaar. Vul alle vragen in en kies dan \u2018Bereken mijn uitslag\u2019.",
  geenWebAssembly:
    "Deze browser is te oud voor de rekenmodule: die heeft WebAssembly nodig om je uitslag in je " +
    "eigen browser te berekenen. Je antwoorden zijn niet verloren. Probeer een actuele versie " +
    "van Chrome, Edge, Firefox of Safari.",
  rekenen: "Je uitslag wordt berekend\u2026",
  rekenfout:
    "Er ging iets mis bij het berekenen. Je antwoorden staan er nog; probeer het opnieuw.",
  nogNietKlaar: "De rekenmodule is nog niet klaar. Een moment geduld; je antwoorden blijven staan.",
  voortgang: (beantwoord, totaal) => `${beantwoord} van ${totaal} beantwoord`,
  onbeantwoord: (nummers) =>
    nummers.length === 1
      ? `Vraag ${nummers[0]} is nog niet beantwoord. Kies een antwoord of \u2018weet ik niet\u2019.`
      : `De vragen ${lijst(nummers)} zijn nog niet beantwoord. Kies bij elke vraag een ` +
        `antwoord of \u2018weet ik niet\u2019.`,
  startTeLang:
    "De rekenmodule is na twee minuten nog niet klaar. Je antwoorden blijven in dit tabblad " +
    "bewaard. Herlaad de pagina. Lukt het dan nog niet, vraag dan je beheerder om hulp.",
  // Why the engine did not start (the worker's cause, START_CAUSES in runtime.mjs). The first
  // sentence is for the reader, the rest for whoever runs the site; the page adds a link to the
  // installation page.
  startFout: (oorzaak, bestand) => {
    const voorJou = "De rekenmodule kan niet starten. Je antwoorden zijn niet verloren en niet verstuurd.";
    const naam = bestand ? ` (${bestand})` : "";
    const voorBeheer = {
      browser:
        "Deze browser kan de rekenmodule niet draaien. Probeer een actuele versie van Chrome, " +
        "Edge, Firefox of Safari.",
      ontbreekt:
        `Een bestand van de rekenmodule ontbreekt op de webserver${naam}. Dit ligt niet aan jou: ` +
        "vraag je beheerder om de site opnieuw en volledig te plaatsen.",
      type:
        `De webserver stuurt een bestand met het verkeerde type${naam}. Dit ligt niet aan jou: ` +
        "vraag je beheerder om de MIME-types in te stellen zoals de installatiepagina beschrijft.",
      csp:
        "De beveiligingsregels van de webserver (Content-Security-Policy) houden de rekenmodule " +
        "tegen. Dit ligt niet aan jou: vraag je beheerder om 'wasm-unsafe-eval' toe te voegen " +
        "aan script-src.",
      netwerk:
        "De bestanden van de rekenmodule kwamen niet binnen. Controleer je verbinding met het " +
        "intranet en laad de pagina opnieuw. Lukt het dan nog niet, vraag je beheerder om hulp.",
      onbekend:
        "Herlaad de pagina. Lukt het dan nog niet, probeer een actuele versie van Chrome, Edge, " +
        "Firefox of Safari, of vraag je beheerder om hulp.",
    };
    return `${voorJou} ${voorBeheer[oorzaak] ?? voorBeheer.onbekend}`;
  },
  bereken: "Bereken mijn uitslag",
  formulierWissen: "Wis mijn antwoorden",
  formulierWissenVraag:
    "Wil je al je antwoorden wissen? Het formulier wordt leeg, en een uitslag op deze pagina " +
    "verdwijnt ook. Uitslagen die je op dit apparaat hebt bewaard, blijven staan.",
  formulierWissenJa: "Ja, wis mijn antwoorden",
  formulierWissenNee: "Nee, ga terug",
  formulierGewist: "Je antwoorden zijn gewist.",
  conceptTerug:
    "Je antwoorden van eerder in dit tabblad staan er weer. Wil je opnieuw beginnen? Kies dan " +
    "onderaan \u2018Wis mijn antwoorden\u2019.",
  uitslagKop: "Je uitslag",
  verouderd:
    "Je hebt een antwoord veranderd. Deze uitslag hoort bij je vorige antwoorden. Kies opnieuw " +
    "\u2018Bereken mijn uitslag\u2019.",
  uitslagKlaar: "Je uitslag staat hieronder.",
  totaal: (score, band) =>
    `Je totaalscore is ${score} op een schaal van 0 tot 100: \u2018${band}\u2019.`,
  // A trust outcome (team, leiderschap-team): vertrouwen zelf, beside the profile, not in the total.
  uitkomst: (titel, score, band) =>
    `Los van het totaal: \u2018${titel}\u2019 staat op ${score} op een schaal van 0 tot 100: ` +
    `\u2018${band}\u2019. Dit meet het vertrouwen zelf; het telt niet mee in het totaal.`,
  uitkomstOntbreekt: (titel) =>
    `\u2018${titel}\u2019 heeft te weinig antwoorden voor een score. ` +
    "Deze vragen meten het vertrouwen zelf en tellen niet mee in het totaal.",
  // A dimension's title in a table or a heading, marked when it is a trust outcome.
  dimensieTitel: (dimensie) =>
    dimensie.outcome ? `${dimensie.title} (los van het totaal)` : dimensie.title,
  uitkomstBand:
    "Deze vragen meten hoeveel vertrouwen er is, niet waar het op rust. Wat je eraan kunt doen, " +
    "staat bij de andere onderwerpen.",
  totaalOntbreekt:
    "Er is geen totaalscore, omdat niet elke dimensie genoeg antwoorden heeft. " +
    "Een totaal over een deel van de vragen zou een vertekend beeld geven.",
  // ---- The result (results.mjs) ----
  // The profile, worded for every referent (ik, mijn team, mijn leidinggevende, onze
  // organisatie); dimensions tied at the top or the bottom are named together, as a tie.
  hoogst: (titels) =>
    titels.length === 1
      ? `Het hoogst scoort ${lijstTitels(titels)}.`
      : `Het hoogst scoren ${lijstTitels(titels)}, even hoog.`,
  laagst: (titels) =>
    titels.length === 1
      ? `Het laagst scoort ${lijstTitels(titels)}.`
      : `Het laagst scoren ${lijstTitels(titels)}, even laag.`,
  groeiruimte: "Daar ligt de meeste ruimte om te groeien.",
  allesGelijk:
    "Alle dimensies met een score liggen even hoog. Er is dus geen sterkste of zwakste kant.",
  verschilKlein: (grens) =>
    `Het verschil tussen de hoogste en de laagste dimensie is kleiner dan ${grens} schaalpunt. ` +
    "Als vuistregel geldt: zie zo\u2019n klein verschil niet als een echt verschil. Je profiel is " +
    "dus vrij gelijkmatig.",
  // The methods page (hooks/zelftests.py) explains the same rule of thumb in the same words.
  vuistregel: (grens) =>
    "Als vuistregel geldt: is het verschil tussen twee dimensies kleiner dan " +
    `${grens} schaalpunt, zie het dan niet als een echt verschil.`,
  nietBeproefd: (grens) =>
    "Deze zelftests zijn nog niet getest in een proefonderzoek. De grens van " +
    `${grens} schaalpunt is dus geen gemeten foutmarge. De banden zijn een hulpmiddel, geen oordeel.`,
  uitslagVan: (datum) => `Uitslag van ${datum}`,
  allesWeetNiet:
    "Je koos bij alle vragen \u2018weet ik niet\u2019. Daarom is er geen uitslag: er is niets " +
    "om te berekenen. Wil je toch een uitslag? Kies dan bij de vragen die je wel kunt " +
    "beantwoorden een antwoord, en bereken je uitslag opnieuw.",
  geenProfiel: "Er zijn te weinig dimensies met een score om een sterkste en zwakste kant te noemen.",
  geenNormgroep:
    "Er is geen normgroep: je scores zijn niet vergeleken met andere mensen. De banden volgen " +
    "de antwoordschaal zelf.",
  // The example names the answer that lies at 75 on this test's own scale ("vaak", "mee eens").
  normVoorbeeld: (antwoord) =>
    `Een score van 75 betekent dat je antwoorden gemiddeld op \u2018${antwoord}\u2019 liggen, ` +
    "niet dat je beter bent dan 75 procent van de mensen.",
  zelfbeeld:
    "Wie zichzelf beoordeelt, schat zich meestal wat gunstiger in dan anderen doen. " +
    "Bespreek je uitslag daarom met iemand die je werk kent.",
  weetNiet: (nummers) =>
    nummers.length === 1
      ? `Je koos bij vraag ${nummers[0]} \u2018weet ik niet\u2019. Die vraag telt niet mee.`
      : `Je koos bij de vragen ${lijst(nummers)} \u2018weet ik niet\u2019. Die vragen tellen niet mee.`,
  weetNietAantal: (aantal, totaal) =>
    `Bij ${aantal} van de ${totaal} vragen koos je \u2018weet ik niet\u2019. Die vragen tellen niet mee.`,
  teWeinigUitleg: (beantwoord, nodig) =>
    `Te weinig antwoorden: ${beantwoord} beantwoord, minstens ${nodig} nodig voor een score.`,
  tabelBijschrift: "Je scores per dimensie",
  // Each column's label and, apart, its unit: the unit is never broken over two lines.
  kolommen: (schaal) => [
    ["Dimensie"], ["Gemiddelde", `(${schaal})`], ["Positie op de schaal", "(0-100)"], ["Band"],
    ["Beantwoord"],
  ],
  tabelSchuiven: "De tabel is breder dan je scherm. Schuif hem opzij om alle kolommen te zien.",
  teWeinig: "te weinig antwoorden",
  beantwoord: (aantal, totaal) => `${aantal} van ${totaal}`,
  totaalRij: "Totaal",
  grafiekLabel: "Staafdiagram van je positie op de schaal per dimensie. Dezelfde cijfers staan in de tabel.",
  bandenKop: "Wat je scores zeggen",
  leesVerder: "Lees verder:",
  privacy: "Je antwoorden en je uitslag blijven in deze browser. Er is niets verstuurd.",
  bewaarKop: "Uitslag bewaren",
  bewaarUitleg:
    "Wil je je uitslag bewaren of bespreken? Sla hem op als bestand of druk hem af. " +
    "Het bestand wordt in je browser gemaakt; er gaat niets naar een server.",
  downloadJson: "Opslaan als JSON",
  downloadCsv: "Opslaan als CSV (spreadsheet)",
  afdrukken: "Afdrukken of opslaan als pdf",
  csvFout:
    "Het CSV-bestand kon niet worden gemaakt. Je uitslag staat er nog. Probeer het opnieuw, of " +
    "sla je uitslag op als JSON.",

  // ---- Teamronde op één apparaat (teamronde.mjs) ----
  rondeTitel: "Teamronde op \u00e9\u00e9n apparaat",
  rondeUitleg: (minimum) =>
    "Is er in een teamsessie maar \u00e9\u00e9n laptop? Start dan een teamronde. De deelnemers " +
    "vullen de test om de beurt in. Na elke beurt wordt het formulier weer leeg. Het teamrapport " +
    `komt pas als je de ronde afrondt, en alleen bij minstens ${minimum} deelnemers. De ` +
    "antwoorden blijven in het geheugen van deze pagina en worden nergens opgeslagen.",
  rondeStart: "Start een teamronde op dit apparaat",
  rondeKop: (nummer) => `Teamronde: deelnemer ${nummer}`,
  rondeAfgerondKop: "Teamronde: afgerond",
  rondeGestart: "De teamronde is gestart. Deelnemer 1 kan beginnen.",
  rondeBegin: (nummer) => `Begin als deelnemer ${nummer}`,
  rondeBewaard: (nummer) =>
    `Antwoorden van deelnemer ${nummer} zijn bewaard. Geef het apparaat door aan de volgende.`,
  rondeWaarschuwing:
    "Let op: de antwoorden van deze ronde staan alleen in het geheugen van deze pagina. " +
    "Sluit of herlaad dit tabblad niet, want dan is de hele ronde weg.",
  rondeAantal: (aantal, minimum) =>
    `Bewaard: ${aantal === 1 ? "1 deelnemer" : `${aantal} deelnemers`}. ` +
    `Een teamrapport kan vanaf ${minimum} deelnemers.`,
  rondeVerzenden: "Bewaar mijn antwoorden",
  rondeAfronden: "Rond de teamronde af",
  rondeBezig: "Het teamrapport wordt gemaakt\u2026",
  rondeTeWeinig: (melding) => `${melding} De ronde loopt door: er kunnen nog deelnemers bij.`,
  rondeRapportFout:
    "Het teamrapport kon niet worden gemaakt. De antwoorden van de ronde staan er nog; " +
    "probeer het opnieuw.",
  rondeRapportKop: "Teamrapport van deze ronde",
  rondeStoppen: "Teamronde stoppen",
  rondeStoppenVraag: (aantal) =>
    aantal === 0
      ? "Wil je de teamronde stoppen? Er zijn nog geen antwoorden bewaard."
      : `Wil je de teamronde stoppen? De antwoorden van ${aantal === 1 ? "1 deelnemer" : `${aantal} deelnemers`} ` +
        "worden gewist. Ze zijn daarna niet meer terug te halen.",
  rondeStoppenJa: "Ja, stop en wis de ronde",
  rondeStoppenNee: "Nee, ga terug",
  rondeGestopt: "De teamronde is gestopt. Alle antwoorden van de ronde zijn gewist.",
  rondeBestandenKop: "Bestanden van de ronde",
  rondeBestandenUitleg:
    "Wil je het teamrapport later opnieuw maken, bijvoorbeeld op de pagina \u2018Teamrapport\u2019? " +
    "Download dan de bestanden van de ronde. Elk bestand bevat de antwoorden van \u00e9\u00e9n " +
    "deelnemer, zonder naam. De nummers staan in willekeurige volgorde: een bestand zegt niet " +
    "wie als hoeveelste aan de beurt was. Je browser vraagt misschien of de site meerdere " +
    "bestanden mag downloaden.",
  rondeBestand: (naam) => `Download ${naam}`,
  rondeAlleBestanden: "Download alle bestanden",

  // ---- Uitslagen over tijd, op dit apparaat (geschiedenis.mjs) ----
  geschiedenisKop: "Je uitslagen over tijd",
  geschiedenisUitleg:
    "Je kunt je uitslagen van deze test op dit apparaat bewaren. Dat gebeurt alleen als je " +
    "zelf kiest voor \u2018Bewaar deze uitslag op dit apparaat\u2019. Ze blijven in deze " +
    "browser; er gaat niets naar een server.",
  geschiedenisLaden: "Je bewaarde uitslagen worden geladen\u2026",
  geschiedenisLeeg:
    "Er zijn op dit apparaat nog geen uitslagen van deze test bewaard. Heb je op een ander " +
    "apparaat een overzicht ge\u00ebxporteerd? Lees het hieronder in.",
  geschiedenisFout:
    "Je bewaarde uitslagen kunnen nu niet worden getoond, omdat de rekenmodule niet reageert. " +
    "Ze zijn niet verloren. Laad de pagina opnieuw om het nog eens te proberen.",
  bewaarHier: "Bewaar deze uitslag op dit apparaat",
  bewaarHierUitleg:
    "Alleen als je hierop klikt, bewaart deze browser je antwoorden en je uitslag, met de " +
    "datum. Dan zie je later wat er veranderd is. Je kunt het altijd weer wissen.",
  bewaard: (datum) =>
    `Je uitslag van ${datum} is bewaard op dit apparaat. Je ziet hem onder ` +
    "\u2018Je uitslagen over tijd\u2019.",
  nietsVeranderd: "Er is niets veranderd.",
  opslagBlijft: "De site verandert er niets aan.",
  opslagLeegmaken:
    "Met \u2018Exporteer als bestand\u2019 bewaar je eerst wat er staat, zoals het is. Met " +
    "\u2018Wis alles\u2019 maak je daarna de opslag van deze test leeg.",
  opslagNiet:
    "Deze browser laat de site niets op dit apparaat bewaren, bijvoorbeeld in een priv\u00e9venster " +
    "of door je instellingen. Je kunt je uitslag wel als bestand opslaan.",
  opslagVol:
    "Er is op dit apparaat geen ruimte meer om dit te bewaren. Er is niets veranderd. " +
    "Verwijder oudere uitslagen of sla je uitslag op als bestand.",
  geschiedenisTabel: "Je bewaarde uitslagen: positie op de schaal (0-100) per dimensie",
  kolomDatum: "Datum",
  kolomVerwijderen: "Verwijderen",
  verwijder: "Verwijder",
  verwijderLabel: (nummer, datum) => `Verwijder uitslag ${nummer} van ${datum}`,
  verwijderd: (datum) => `De uitslag van ${datum} is verwijderd van dit apparaat.`,
  veranderingKop: "Wat veranderde sinds de vorige keer",
  vergeleken: (van, tot) => `Je laatste twee uitslagen vergeleken: die van ${van} en die van ${tot}.`,
  eenUitslag:
    "Er is \u00e9\u00e9n uitslag bewaard. Bewaar later weer een uitslag, dan zie je hier wat er veranderd is.",
  veranderingTelt: (titel, van, tot, verschil, grens) =>
    `${titel}: van ${van} naar ${tot} (${verschil}). Dat verschil telt: het is minstens ${grens} schaalpunt.`,
  veranderingKlein: (titel, van, tot, verschil, grens) =>
    `${titel}: van ${van} naar ${tot} (${verschil}), binnen de vuistregel van ${grens} schaalpunt.`,
  veranderingOnbekend: (titel) =>
    `${titel}: niet te vergelijken, omdat een van beide uitslagen te weinig antwoorden heeft.`,
  veranderingUitleg: (grens) =>
    `Als vuistregel geldt: een verschil van minder dan ${grens} schaalpunt is voor \u00e9\u00e9n ` +
    "persoon geen echt verschil. Die grens is niet gemeten: deze tests zijn nog niet in een " +
    "proefonderzoek getest.",
  verloopKop: "Verloop per dimensie",
  verloopLabel: (titel, aantal, van, tot) =>
    aantal === 1
      ? `Diagram van \u2018${titel}\u2019 met 1 uitslag, van ${van}. Dezelfde cijfers staan in de tabel.`
      : `Lijndiagram van \u2018${titel}\u2019 over ${aantal} uitslagen, van ${van} tot ${tot}. ` +
        "Dezelfde cijfers staan in de tabel.",
  nietGetoondKop: "Niet getoond",
  nietGetoondUitleg:
    "Deze bewaarde uitslagen toont de site niet. Ze blijven bewaard tot je alles wist.",
  exporteer: "Exporteer als bestand",
  importLabel: "Lees een overzicht in (JSON-bestand)",
  importUitleg:
    "Kies een bestand dat je met \u2018Exporteer als bestand\u2019 hebt gemaakt, of een uitslag " +
    "die je als JSON hebt opgeslagen. De site controleert elke uitslag en rekent hem opnieuw uit.",
  importBezig: "Het bestand wordt gecontroleerd\u2026",
  ingelezen: (erbij, al) =>
    (erbij === 1 ? "1 uitslag ingelezen." : `${erbij} uitslagen ingelezen.`) +
    (al === 0 ? "" : al === 1 ? " 1 uitslag stond er al." : ` ${al} uitslagen stonden er al.`),
  nietIngelezen: "Deze uitslagen uit het bestand zijn niet ingelezen:",
  leesFout: "Het bestand kon niet worden gelezen. Er is niets veranderd.",
  wisAlles: "Wis alles",
  wisVraag:
    "Weet je het zeker? Alle bewaarde uitslagen van deze test op dit apparaat worden gewist. " +
    "Dat kun je niet ongedaan maken. Wil je ze houden, exporteer ze dan eerst.",
  wisJa: "Ja, wis alles",
  wisNee: "Nee, bewaar ze",
  gewist: "Alle bewaarde uitslagen van deze test zijn gewist van dit apparaat.",
  // ---- Teamrapport, spiegel en afdelingsoverzicht (teamrapport.mjs, teamweergave.mjs) ----
  // Every figure in these sentences is the engine's own text (a shown_* string); counts are said
  // with their grammar ("1 uitslag", "2 uitslagen").
  teamLezen: (aantal) =>
    `${aantal === 1 ? "1 bestand wordt" : `${aantal} bestanden worden`} gelezen en doorgerekend\u2026`,
  teamKlaar: "Het teamrapport staat hieronder.",
  spiegelKlaar: "De spiegel staat hieronder.",
  overzichtKlaar: "Het afdelingsoverzicht staat hieronder.",
  teamGeenBestand: "Er is geen bestand gekozen. Kies de uitslagbestanden (JSON).",
  teamAlleenEerder:
    "Je koos alleen eerdere rapporten. Kies nu ook de uitslagbestanden van het team (JSON).",
  overzichtGeenBestand: "Er is geen bestand gekozen. Kies de teamrapporten (JSON).",
  teamTeVeel: (aantal, hoogstens) =>
    `Je koos ${aantal} bestanden; een teamrapport neemt er hoogstens ${hoogstens}. ` +
    "Kies alleen de bestanden van \u00e9\u00e9n team, en maak per team een eigen rapport.",
  overzichtTeVeel: (aantal, hoogstens) =>
    `Je koos ${aantal} bestanden; een afdelingsoverzicht neemt er hoogstens ${hoogstens}.`,
  teamOnleesbaar: (naam) =>
    `Het bestand \u2018${naam}\u2019 kon niet worden gelezen. Kies de bestanden opnieuw. ` +
    "Er is niets verstuurd.",
  // The engine's own sentence says what is wrong; this says what to do next.
  teamFout: (melding) => `${melding} Kies daarna de bestanden opnieuw; er is niets verstuurd.`,
  teamRekenmoduleFout:
    "De rekenmodule kon niet starten, dus het rapport kan in deze browser niet worden gemaakt. " +
    "Er is niets verstuurd. Herlaad de pagina, of probeer een actuele versie van Chrome, Edge, " +
    "Firefox of Safari.",
  teamTeLang:
    "Het rapport maken duurde te lang en is gestopt. Er is niets verstuurd. Herlaad de pagina en " +
    "kies de bestanden opnieuw.",
  // The engine failed or took too long on these files (it has been started afresh): name them.
  teamRekenfout: (namen) => {
    const genoemd = namen.slice(0, 10).map((naam) => `\u2018${naam}\u2019`).join(", ");
    const meer = namen.length > 10 ? ` en nog ${namen.length - 10}` : "";
    return (
      `Het rapport kon niet gemaakt worden met ${namen.length === 1 ? "het bestand" : "de bestanden"} ` +
      `${genoemd}${meer}. Er is niets verstuurd. Is een bestand geen uitslag of rapport van deze ` +
      "site, haal het dan weg en kies de bestanden opnieuw; herladen is niet nodig."
    );
  },
  spiegelNogTeam: "Je eigen uitslag is gekozen. Kies nu de uitslagbestanden van het team.",
  spiegelNogEigen: "De bestanden van het team zijn gekozen. Kies nu ook je eigen uitslag.",
  spiegelEenEigen: "Kies bij \u2018Je eigen uitslag\u2019 \u00e9\u00e9n bestand: je eigen uitslag.",

  // Reports that overlap: what this device remembers, and the warning before a report that
  // replaces an earlier one of nearly the same people.
  onthoudenUitleg:
    "Deze pagina onthoudt op dit apparaat welke uitslagen in een rapport meetelden: van elk " +
    "bestand alleen een kenmerk, geen antwoorden. Zo kan ze je waarschuwen als een nieuw rapport " +
    "bijna dezelfde mensen telt als een eerder rapport.",
  vergeetKnop: "Vergeet eerdere rapporten op dit apparaat",
  vergeten: "De eerdere rapporten zijn vergeten op dit apparaat.",
  onthoudenNiet:
    "Deze browser laat de site niets op dit apparaat onthouden, bijvoorbeeld in een " +
    "priv\u00e9venster. De pagina kan dan alleen waarschuwen voor rapporten die je zelf toevoegt " +
    "bij \u2018Eerdere rapporten (optioneel)\u2019.",
  onthoudenMislukt:
    "Dit rapport kon niet op dit apparaat worden onthouden: de opslag is vol of staat uit. " +
    "Bewaar het rapport als JSON en voeg het een volgende keer toe bij \u2018Eerdere rapporten " +
    "(optioneel)\u2019.",
  // After the engine could not read what this device keeps: nothing was changed.
  onthoudenBlijft:
    "Er is niets veranderd aan wat op dit apparaat bewaard is. Wil je het wissen? Kies dan " +
    "\u2018Vergeet eerdere rapporten op dit apparaat\u2019. Daarna maakt de pagina het rapport opnieuw.",
  vervangtWachten:
    "Dit rapport telt bijna dezelfde mensen als een eerder rapport. Lees de waarschuwing " +
    "hieronder voordat je het toont.",
  vervangtKop: "Let op: dit rapport lijkt bijna op een eerder rapport",
  vervangtUitleg:
    "De twee rapporten verschillen maar in een paar uitslagen (1 tot 4). Wie ze naast elkaar " +
    "legt, kan uit het verschil de antwoorden van die paar mensen afleiden: wat is er veranderd " +
    "sinds hun uitslag erbij kwam of wegviel? Dan zijn zij niet meer anoniem.",
  vervangtAdvies:
    "Toon dit rapport alleen als het het eerdere vervangt. Gebruik het eerdere rapport dan niet " +
    "meer, deel het niet en leg de twee nooit naast elkaar. Wil je dat niet? Kies dan andere " +
    "bestanden.",
  vervangtKnop: "Dit rapport vervangt het eerdere; toon het",
  // source is the engine's text: a file name or "een eerder rapport op dit apparaat (datum)".
  vervangtBron: (bron, erbij, eraf) =>
    `${bron}: ${uitslagen(erbij)} erbij, ${uitslagen(eraf)} eraf, de rest hetzelfde.`,
  vervangt: (bron, erbij, eraf) =>
    `Dit rapport vervangt een eerder rapport van bijna dezelfde mensen: ${bron}. ` +
    `Vergeleken daarmee ${verschilInUitslagen(erbij, eraf)}. Gebruik het eerdere rapport niet ` +
    "meer, en leg de twee nooit naast elkaar.",

  teamRapportKop: (titel) => `Teamrapport: ${titel}`,
  bruikbareUitslagen: (aantal) =>
    aantal === 1 ? "Er is 1 bruikbare uitslag" : `Er zijn ${aantal} bruikbare uitslagen`,
  teamOver: (titel, versie, aantal) =>
    `Dit rapport gaat over \u2018${titel}\u2019 (versie ${versie}). ` +
    `${TEKSTEN.bruikbareUitslagen(aantal)}.`,
  teamAfgevallen: (aantal) =>
    `${aantal === 1 ? "1 bestand telt" : `${aantal} bestanden tellen`} niet mee; ` +
    "onderaan staat waarom.",
  // The team's profile: the highest and lowest topics, ties named together; whether the two
  // differ is the engine's (their 95% intervals do not overlap).
  teamHoogst: (titels) =>
    titels.length === 1
      ? `Het hoogst scoort het team op ${lijstTitels(titels)}.`
      : `Het hoogst scoort het team op ${lijstTitels(titels)}, even hoog.`,
  teamLaagst: (titels) =>
    titels.length === 1
      ? `Het laagst scoort het team op ${lijstTitels(titels)}.`
      : `Het laagst scoort het team op ${lijstTitels(titels)}, even laag.`,
  teamVerschilDuidelijk:
    "Dat verschil is duidelijk: de marges van het hoogste en het laagste onderwerp overlappen niet.",
  teamVerschilToeval:
    "Maar de marges van het hoogste en het laagste onderwerp overlappen. Het verschil kan dus " +
    "toeval zijn.",
  teamAllesGelijk: "Alle onderwerpen met een cijfer liggen even hoog.",
  teamGeenProfiel:
    "Er zijn te weinig onderwerpen met een cijfer om een hoogste en een laagste te noemen.",
  // grens: the engine's words when the position lies on an edge between two bands, or null.
  teamTotaal: (score, band, grens) =>
    `Over alle onderwerpen samen is de positie van het team ${score}, op een schaal van 0 tot 100: ` +
    `\u2018${band}\u2019.${grens ? ` Die positie ligt ${grens}.` : ""}`,
  teamUitkomst: (titel, score, band, grens) =>
    `Los van het totaal: \u2018${titel}\u2019 staat voor het team op ${score}, op een schaal van ` +
    `0 tot 100: \u2018${band}\u2019.${grens ? ` Die positie ligt ${grens}.` : ""} Dit meet het ` +
    "vertrouwen zelf; het telt niet mee in het totaal en het profiel.",
  teamUitkomstOntbreekt: (titel, minimum) =>
    `\u2018${titel}\u2019 heeft minder dan ${minimum} antwoorden en krijgt geen cijfer. ` +
    "Deze vragen meten het vertrouwen zelf en tellen niet mee in het totaal.",
  teamGeenTotaal: (minimum) =>
    `Er is geen totaal, omdat niet elk onderwerp minstens ${minimum} respondenten heeft. ` +
    "Een totaal over een deel van de onderwerpen zou een vertekend beeld geven.",
  teamTeWeinigBij: (titels, minimum) =>
    `Te weinig respondenten (minder dan ${minimum}) voor een cijfer bij ${lijstTitels(titels)}. ` +
    "Zo blijft onbekend wie wat antwoordde.",
  dezelfdeKop: "Waarschijnlijk dezelfde uitslag",
  dezelfdeUitleg:
    "Deze bestanden hebben precies dezelfde antwoorden en dezelfde datum. Misschien is \u00e9\u00e9n " +
    "uitslag twee keer gestuurd, onder een andere naam. Nu tellen ze allemaal mee. Jij beslist: " +
    "is het \u00e9\u00e9n uitslag, haal dan een van de bestanden weg en kies de bestanden opnieuw. " +
    "Vraag niet wie ze stuurde.",
  dezelfdeGroep: (namen) => lijstTitels(namen),
  teamTabelBijschrift: "Cijfers van het team per onderwerp",
  // Each column's label and, apart, its unit: the unit is never broken over two lines.
  teamKolommen: (schaal) => [
    ["Onderwerp"], ["Aantal"], ["Gemiddelde", `(${schaal})`], ["Marge", "(95%)"],
    ["Spreiding", "(sd)"], ["Positie", "(0-100)"], ["Band"], ["Overeenstemming"],
    ["Betrouwbaarheid", "(alfa)"],
  ],
  marge: (laag, hoog) => `${laag} tot ${hoog}`,
  margePositie: (laag, hoog) => `positie ${laag} tot ${hoog}`,
  overeenstemmingVragen: (waarde) => `gemiddeld per vraag ${waarde}`,
  teamMargeUitleg:
    "De marge (95%) laat zien hoe zeker het gemiddelde is. Het gemiddelde van het team ligt " +
    "waarschijnlijk ergens in die marge. Hoe minder mensen en hoe meer ze verschillen, hoe " +
    "breder de marge. Overlappen de marges van twee onderwerpen, dan kan het verschil tussen die " +
    "twee toeval zijn.",
  teWeinigRespondenten: "te weinig respondenten",
  teWeinigVoorBetrouwbaarheid: "te weinig respondenten voor betrouwbaarheid",
  nietTeBerekenen: "niet te berekenen",
  alfaVan: (aantal) => `uit ${aantal} volledige antwoordenreeksen`,
  teamGrafiekLabel:
    "Staafdiagram van de positie van het team op de schaal per onderwerp, met de marge (95%) als " +
    "streep over elke balk. Dezelfde cijfers staan in de tabel.",
  // One bar's text: the position and, when there is one, its margin.
  balkTekst: (score, laag, hoog) => (laag === null ? score : `${score} (marge ${laag} tot ${hoog})`),
  balkBeschrijving: (titel, tekst) => `${titel}: ${tekst}`,
  vragenKop: "Antwoorden per vraag",
  vragenUitleg: (minimum, verdeling) =>
    "Per vraag staat hoe vaak elk antwoord is gekozen, en hoe vaak \u2018weet ik niet\u2019. " +
    `Alleen als ${verdeling} of meer mensen een vraag beantwoordden, zie je elk antwoord apart. ` +
    `Waren het er minder (maar minstens ${minimum}), dan zie je alleen groepen: onder het midden, ` +
    "het midden en boven het midden. Zo is niet te raden wie wat antwoordde. Gaven minder dan " +
    `${minimum} mensen een antwoord, dan toont het rapport van die vraag geen cijfers. ` +
    "Bij een omgekeerd gestelde vraag is een hoog antwoord juist ongunstig.",
  vragenBijschrift: (titel) => `Antwoorden per vraag: ${titel}`,
  vraagKolom: "Vraag",
  gemiddeldeKolom: "Gemiddelde",
  weetNietKolom: "Weet ik niet",
  omgekeerd: "(omgekeerd gesteld)",
  groepNaam: { onder: "onder het midden", midden: "midden", boven: "boven het midden" },
  groepWaarden: (waarden) =>
    waarden.length === 1 ? `antwoord ${waarden[0]}` : `antwoord ${waarden[0]}-${waarden[waarden.length - 1]}`,
  legendaLabel: "Kleuren in de balken",
  afgevallenKop: "Bestanden die niet meetellen",
  nietsAfgevallen: "Alle bestanden tellen mee.",
  teamKanttekeningen: [
    "Er is geen normgroep: het team is niet vergeleken met andere teams. De banden volgen de " +
      "antwoordschaal zelf.",
    "In een klein team ontstaat een hoge overeenstemming makkelijker door toeval. Zie het cijfer " +
      "dan als een aanwijzing, niet als bewijs.",
    "Een uitslagbestand bewijst niet wie het maakte. Iemand kan een bestand van een ander " +
      "insturen, of zelf meer dan \u00e9\u00e9n bestand maken; het rapport kan dat niet zien. " +
      "Spreek daarom met het team af dat ieder \u00e9\u00e9n bestand stuurt.",
    "Het rapport is in deze browser gemaakt. De bestanden en het rapport zijn nergens heen " +
      "gestuurd.",
  ],
  teamBewaarKop: "Rapport bewaren",
  teamBewaarUitleg:
    "Sla het rapport op als bestand of druk het af. Het bestand wordt in je browser gemaakt. " +
    "Er staan geen losse antwoorden in, wel de namen van de bestanden die niet meetellen.",

  spiegelKop: (titel) => `Spiegel: ${titel}`,
  spiegelOver: (eigen, team, aantal) =>
    `Je eigen uitslag van \u2018${eigen}\u2019 staat hier naast het beeld van ` +
    `${aantal === 1 ? "1 teamlid" : `${aantal} teamleden`} (\u2018${team}\u2019).`,
  spiegelBlindeVlekken: (titels) =>
    `Je team ziet het duidelijk minder gunstig dan jij bij ${lijstTitels(titels)}. Dat kan een ` +
    "blinde vlek zijn, maar het is geen oordeel: vraag je team naar voorbeelden.",
  spiegelVerborgenKrachten: (titels) =>
    `Je team ziet het duidelijk gunstiger dan jij bij ${lijstTitels(titels)}. Misschien een ` +
    "verborgen kracht: vraag wat je doet dat helpt.",
  spiegelGeenVerschil:
    "Bij geen enkel onderwerp verschillen jullie beelden duidelijk.",
  spiegelTabelBijschrift: "Jouw beeld en dat van je team per onderwerp",
  spiegelKolommen: [
    ["Onderwerp"], ["Jouw positie", "(0-100)"], ["Positie volgens het team", "(0-100)"],
    ["Marge van het team", "(95%)"], ["Verschil", "(team min jij)"], ["Wat zegt het verschil?"],
  ],
  spiegelBlindeVlek: "Blinde vlek? Je team ziet hier minder dan jij. Vraag je team naar voorbeelden.",
  spiegelVerborgenKracht:
    "Verborgen kracht? Je team ziet hier meer dan jij. Vraag wat je doet dat helpt.",
  spiegelBinnenMarge:
    "Jouw positie ligt binnen de marge van het team. Het verschil kan dus toeval zijn.",
  spiegelDichtbij: "Jullie beelden liggen dicht bij elkaar.",
  spiegelEigenTeWeinig: "te weinig antwoorden in je eigen uitslag",
  spiegelGrafiekLabel:
    "Staafdiagram van jouw positie en die volgens het team per onderwerp, met de marge (95%) " +
    "van het team als streep over de balk van het team. Dezelfde cijfers staan in de tabel.",
  spiegelJij: "Jij",
  spiegelTeam: "Team",
  spiegelVragenKop: "Per vraag: jouw antwoord en dat van je team",
  spiegelVragenUitleg: (grens) =>
    "Per vraag staat jouw eigen antwoord naast de antwoorden van je team. Het verschil is het " +
    `gemiddelde van het team min jouw antwoord, in schaalpunten. Vanaf ${grens} schaalpunt ` +
    "noemt de spiegel het een blinde vlek (het team lager) of een verborgen kracht (het team " +
    "hoger). Bij een omgekeerd gestelde vraag is een hoog antwoord juist ongunstig; daar houdt " +
    "die naam rekening mee.",
  spiegelVragenBijschrift: "Jouw antwoord en de antwoorden van je team per vraag",
  eigenAntwoordKolom: "Jouw antwoord",
  teamGemiddeldeKolom: "Gemiddelde team",
  verschilKolom: ["Verschil", "(team min jij)"],
  eigenWeetNiet: "weet ik niet",
  gatNaam: { "blinde-vlek": "blinde vlek?", "verborgen-kracht": "verborgen kracht?" },
  spiegelGrootsteBlindeVlekken: "Vragen waar je team het duidelijk lager ziet dan jij (blinde vlekken):",
  spiegelGrootsteVerborgenKrachten:
    "Vragen waar je team het duidelijk hoger ziet dan jij (verborgen krachten):",
  spiegelGatVraag: (tekst, verschil) => `${tekst} (${verschil})`,
  spiegelGeenGaten: (grens) =>
    `Bij geen enkele vraag verschilt het gemiddelde van je team ${grens} schaalpunt of meer van jouw antwoord.`,
  spiegelKanttekeningen: (grens) => [
    `Een verschil per onderwerp heet hier duidelijk vanaf ${grens} schaalpunt, en alleen als jouw ` +
      "positie buiten de marge van het team ligt. Die grens is een vuistregel: de tests zijn nog " +
      "niet bij een grote groep uitgeprobeerd.",
    "Wie zichzelf beoordeelt, schat zich meestal wat gunstiger in dan anderen doen. Een blinde " +
      "vlek op een of twee onderwerpen is dus heel gewoon.",
    "Jouw eigen uitslag telt nooit mee in de cijfers van het team.",
  ],
  spiegelTeamKop: (titel) => `Het teamrapport: ${titel}`,
  spiegelBewaarKop: "Spiegel bewaren",
  spiegelBewaarUitleg:
    "Sla de spiegel op als bestand of druk hem af. Het bestand wordt in je browser gemaakt.",

  overzichtKop: (titel) => `Afdelingsoverzicht: ${titel}`,
  overzichtOver: (titel, versie, aantal) =>
    `Dit overzicht zet ${aantal === 1 ? "1 teamrapport" : `${aantal} teamrapporten`} van ` +
    `\u2018${titel}\u2019 (versie ${versie}) naast elkaar.`,
  overzichtTeamsKop: "Teams in dit overzicht",
  overzichtTeamUitslagen: (aantal) => uitslagen(aantal),
  overzichtTabelBijschrift: (titel) => `Teams per onderwerp: ${titel}`,
  overzichtKolommen: (schaal) => [
    ["Team", "(bestand)"], ["Aantal"], ["Gemiddelde", `(${schaal})`], ["Marge", "(95%)"],
    ["Spreiding", "(sd)"], ["Positie", "(0-100)"], ["Band"],
  ],
  overzichtSamen: "De afdeling (alle teams samen)",
  overzichtTeWeinigTeams: "te weinig teams met een cijfer (minstens 2)",
  overzichtZonderCijfer: (namen, minimum) =>
    `Zonder cijfer bij dit onderwerp (minder dan ${minimum} respondenten): ${lijstTitels(namen)}. ` +
    "Die teams tellen hier niet mee.",
  overzichtIccUitleg:
    "Per onderwerp staat ook ICC(1). Dit cijfer zegt welk deel van de verschillen tussen mensen " +
    "samenhangt met het team waarin ze zitten. Bij 0 maakt het team niets uit: de teams " +
    "verschillen niet meer dan je door toeval verwacht. Hoe hoger, hoe meer de teams van elkaar " +
    "verschillen. Een cijfer onder 0 lees je als 0. Met weinig teams is het cijfer onzeker.",
  overzichtIcc: (waarde) => `Deel van de verschillen dat tussen de teams ligt, ICC(1): ${waarde}.`,
  overzichtGeenIcc: (minimum) =>
    "Welk deel van de verschillen tussen de teams ligt (ICC(1)), staat er pas bij " +
    `${minimum ? `${minimum} of meer` : "meer"} teams met een cijfer.`,
  overzichtKanttekeningen: [
    "De afdeling: het gemiddelde weegt elk team naar zijn aantal respondenten. De spreiding is " +
      "die van alle mensen samen, binnen en tussen de teams.",
    "Rapporten die een uitslag delen, telt het overzicht niet: dan zou iemand twee keer meetellen.",
    "Er is geen normgroep. De banden volgen de antwoordschaal zelf.",
    "Het overzicht is in deze browser gemaakt. De rapporten zijn nergens heen gestuurd.",
  ],
  overzichtBewaarKop: "Overzicht bewaren",
  overzichtBewaarUitleg:
    "Sla het overzicht op als bestand of druk het af. Het bestand wordt in je browser gemaakt.",
});

function uitslagen(aantal) {
  return aantal === 1 ? "1 uitslag" : `${aantal} uitslagen`;
}

// "kwam er 1 uitslag bij", "vielen er 2 uitslagen af", or both.
function verschilInUitslagen(erbij, eraf) {
  const bij = erbij === 1 ? "kwam er 1 uitslag bij" : `kwamen er ${erbij} uitslagen bij`;
  const af = eraf === 1 ? "viel er 1 uitslag af" : `vielen er ${eraf} uitslagen af`;
  if (eraf === 0) return bij;
  if (erbij === 0) return af;
  return `${bij} en ${af}`;
}

// ---- The installation check (controle.mjs, page "Controleer de installatie") ----
export const CONTROLE = Object.freeze({
  bezig: "De controle loopt. Dit duurt meestal een paar seconden.",
  klaar: (problemen, aandacht) =>
    problemen === 0 && aandacht === 0
      ? "Alles in orde: de site staat goed op deze server."
      : `${problemen === 1 ? "1 probleem" : `${problemen} problemen`} en ` +
        `${aandacht === 1 ? "1 aandachtspunt" : `${aandacht} aandachtspunten`}. ` +
        (problemen > 0
          ? "Met een probleem werken de zelftests niet of niet goed. Zie de tabel voor wat er moet gebeuren."
          : "De zelftests werken, maar het kan beter. Zie de tabel."),
  opnieuw: "Controleer opnieuw",
  tabelTitel: "Uitkomst per onderdeel",
  kolommen: ["Onderdeel", "Uitkomst", "Uitleg"],
  oordeel: { ok: "In orde", aandacht: "Let op", probleem: "Probleem" },
  // One row per check: its name and, per outcome, the explanation (for IT).
  bestand: (naam) => `Bestand ${naam}`,
  bestandOk: (type) => `Komt binnen als ${type}.`,
  bestandWeg: (status) =>
    `De server geeft ${status} in plaats van het bestand. Zet de hele map site/ opnieuw op de server.`,
  bestandGeenAntwoord: "De server antwoordt niet (binnen een paar seconden).",
  bestandType: (type, verwacht) =>
    `Komt binnen als '${type || "zonder type"}', maar moet ${verwacht} zijn. Stel het MIME-type in ` +
    "zoals de installatiepagina laat zien.",
  wasmType: (type) =>
    `Komt binnen als '${type || "zonder type"}' in plaats van application/wasm. De zelftests werken ` +
    "via een omweg, maar de browser kan de rekenmodule dan niet bewaren en starten terwijl hij laadt.",
  snapshotWeg: (status) =>
    `De server geeft ${status}. De zelftests werken, maar starten trager. Zet de hele map site/ opnieuw op de server.`,
  koppen: "Beveiligingsregels (Content-Security-Policy)",
  cspGeen:
    "De server stuurt geen Content-Security-Policy. De site werkt, maar mist de aanbevolen " +
    "bescherming. Neem de regel over uit de configuratie voor je server.",
  cspZonderWasm:
    "De Content-Security-Policy staat WebAssembly niet toe: de rekenmodule kan niet starten. " +
    "Voeg 'wasm-unsafe-eval' toe aan script-src.",
  cspRuim: (woorden) =>
    `De Content-Security-Policy staat ${woorden} toe. Dat is niet nodig en zwakker dan de ` +
    "aanbevolen regel.",
  cspOk: "Streng, en WebAssembly is toegestaan.",
  kop: (naam) => `Kop ${naam}`,
  kopOntbreekt: (naam, waarde) => `Ontbreekt. Aanbevolen: ${naam}: ${waarde}.`,
  kopOk: (waarde) => `Aanwezig: ${waarde}.`,
  cacheHtml: "Bewaren van pagina's (cache)",
  cacheHtmlOk: "Pagina's worden bij elk bezoek gecontroleerd: een nieuwe versie is meteen zichtbaar.",
  cacheHtmlRuim: (waarde) =>
    `De pagina komt met Cache-Control '${waarde || "geen"}'. Na een update zien lezers soms nog ` +
    "een tijd de oude versie. Aanbevolen: no-cache.",
  cacheRuntime: "Bewaren van de rekenmodule (cache)",
  cacheRuntimeOk: "De rekenmodule mag een jaar bewaard worden: een tweede bezoek start snel.",
  cacheRuntimeKort: (waarde) =>
    `De rekenmodule komt met Cache-Control '${waarde || "geen"}'. Elk bezoek laadt haar dan ` +
    "opnieuw of vraagt de server. Aanbevolen: public, max-age=31536000, immutable.",
  compressie: "Compressie",
  compressieOk: (codering) => `De rekenmodule komt ingepakt binnen (${codering}).`,
  compressieGeen:
    "De rekenmodule komt onverpakt binnen (ruim 8 MB). Zet gzip of brotli aan, of laat de server " +
    "de meegeleverde .gz- en .br-bestanden sturen.",
  webassembly: "WebAssembly in deze browser",
  webassemblyOk: "Toegestaan.",
  webassemblyGeen: "Deze browser kan geen WebAssembly draaien. Gebruik een actuele browser.",
  webassemblyGeblokkeerd:
    "Geblokkeerd door de beveiligingsregels van de server. Voeg 'wasm-unsafe-eval' toe aan script-src.",
  start: "Starten van de rekenmodule",
  startOk: (seconden) => `Gestart in ${seconden} seconden.`,
  startFout: (tekst) => `Niet gestart: ${tekst}`,
  startTeLang: (seconden) => `Na ${seconden} seconden nog niet gestart.`,
});

function lijst(nummers) {
  if (nummers.length <= 1) return String(nummers[0] ?? "");
  return `${nummers.slice(0, -1).join(", ")} en ${nummers[nummers.length - 1]}`;
}

// Titles as one phrase: 'A', 'B' en 'C'.
function lijstTitels(titels) {
  const quoted = titels.map((titel) => `\u2018${titel}\u2019`);
  if (quoted.length <= 1) return quoted[0] ?? "";
  return `${quoted.slice(0, -1).join(", ")} en ${quoted[quoted.length - 1]}`;
}
