// All Dutch text the self-assessment script shows, in one place.

export const TEKSTEN = Object.freeze({
  laden: "De rekenmodule wordt geladen. Je kunt alvast beginnen met invullen.",
  klaar: "De rekenmodule is klaar. Vul alle vragen in en kies dan \u2018Bereken mijn uitslag\u2019.",
  fout:
    "De uitslag kan in deze browser niet worden berekend. Je antwoorden zijn niet verloren " +
    "en niet verstuurd. Probeer een actuele versie van Chrome, Edge, Firefox of Safari.",
  geenWebAssembly:
    "Deze browser ondersteunt geen WebAssembly. Dat is nodig om je uitslag in je eigen " +
    "browser te berekenen. Probeer een actuele versie van Chrome, Edge, Firefox of Safari.",
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
  uitslagKlaar: "Je uitslag staat hieronder.",
  totaal: (score, band) =>
    `Je totaalscore is ${score} op een schaal van 0 tot 100: \u2018${band}\u2019.`,
  totaalOntbreekt:
    "Er is geen totaalscore, omdat niet elke dimensie genoeg antwoorden heeft. " +
    "Een totaal over een deel van de vragen zou een vertekend beeld geven.",
  // Worded for every referent (ik, mijn team, mijn leidinggevende, onze organisatie).
  sterkZwak: (sterk, zwak) =>
    `Het hoogst scoort \u2018${sterk}\u2019. De meeste ruimte om te groeien ligt bij \u2018${zwak}\u2019.`,
  verschilKlein: (grens) =>
    `Het verschil tussen je hoogste en je laagste dimensie is kleiner dan ${grens} schaalpunt. ` +
    "Voor \u00e9\u00e9n persoon valt zo\u2019n verschil binnen de meetfout. Zie je profiel dus als " +
    "vrij gelijkmatig.",
  verschilBetekenis: (grens) =>
    `Verschillen tussen dimensies van minder dan ${grens} schaalpunt vallen voor \u00e9\u00e9n ` +
    "persoon binnen de meetfout. Lees ze niet als een echt verschil.",
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
  teWeinigUitleg: (beantwoord, nodig) =>
    `Te weinig antwoorden: ${beantwoord} beantwoord, minstens ${nodig} nodig voor een score.`,
  tabelBijschrift: "Je scores per dimensie",
  kolommen: ["Dimensie", "Gemiddelde", "Positie op de schaal (0-100)", "Band", "Beantwoord"],
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
  csvKolommen: [
    "zelftest", "versie", "dimensie_id", "dimensie", "gemiddelde", "positie_0_100", "band",
    "beantwoord", "vragen", "weet_ik_niet",
  ],
});

function lijst(nummers) {
  if (nummers.length <= 1) return String(nummers[0] ?? "");
  return `${nummers.slice(0, -1).join(", ")} en ${nummers[nummers.length - 1]}`;
}
