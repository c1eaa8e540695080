import type { ActorMention, Model, Place, Sentence } from '../../types.js';

const LOCATIVE = new Set(['in', 'near', 'at', 'outside', 'around', 'into', 'on', 'across', 'from', 'inside', 'within']);
/** The prepositions after which a party's name is where the event happened, not whom it was aimed at. */
const WHERE = new Set(['in', 'near', 'at', 'outside', 'around', 'inside', 'within', 'across']);
const PLACE_NOUNS = new Set(['region', 'province', 'district', 'city', 'town', 'village', 'area', 'camp', 'border', 'capital', 'state', 'county', 'valley', 'port']);

/**
 * Where an event happened: a territory or place mention in the sentence, or a capitalised name found in the
 * gazetteer after a locative preposition or after "the city/town/region of". The nearest candidate after the
 * trigger wins.
 */
export function findPlace(s: Sentence, trigger: number, mentions: readonly ActorMention[], model: Model): Place | null {
  const t = s.tokens;
  const candidates: { at: number; place: Place }[] = [];
  for (const m of mentions) {
    if (m.kind !== 'territory' && !(m.kind === 'capital' && m.start > 0 && LOCATIVE.has(t[m.start - 1]!.lower))) continue;
    const name = s.text.slice(m.charStart - s.start, m.charEnd - s.start);
    const found = model.places(name);
    const geo = found && found.country === m.entity.code ? found : undefined;
    const next = t[m.end]?.lower;
    const charEnd = next && PLACE_NOUNS.has(next) ? t[m.end]!.end : m.charEnd;
    candidates.push({
      at: m.start,
      place: {
        name, country: m.entity.code, lat: geo ? geo.lat : null, lon: geo ? geo.lon : null,
        text: s.text.slice(m.charStart - s.start, charEnd - s.start), charStart: m.charStart, charEnd,
        reason: `${m.kind} mention "${name}"${geo ? ' with gazetteer coordinates' : ''}`,
      },
    });
  }
  for (let i = 1; i < t.length; i++) {
    // "in Samarra", "near the town of Samarra".
    const kindOf = i >= 2 && t[i - 1]!.lower === 'of' && PLACE_NOUNS.has(t[i - 2]!.lower);
    if ((!LOCATIVE.has(t[i - 1]!.lower) && !kindOf) || !/^[A-Z]/.test(t[i]!.text) || t[i]!.pos === 'PUNCT') continue;
    // Inside an actor phrase only as its place: "rebels in Aleppo". A party named right after "in" (not "on", "into"
    // or "from", which mark a target or an origin: "sanctions on Iran") is the place too: "struck targets in Syria";
    // a possessive one names whose place follows ("in Iraq's Anbar desert").
    const party = mentions.find((m) => i >= m.start && i < m.end && m.kind !== 'agent');
    if (party && (party.start < i || party.possessive || !WHERE.has(t[i - 1]!.lower))) continue;
    let len = 1;
    while (len < 3 && i + len < t.length && /^[A-Z]/.test(t[i + len]!.text) && t[i + len]!.pos === 'PROPN') len++;
    for (let l = len; l >= 1; l--) {
      const name = s.text.slice(t[i]!.start - s.start, t[i + l - 1]!.end - s.start);
      const geo = model.places(name);
      // A country's or territory's name is that place, not a town of that name elsewhere ("in China" is not China,
      // Nuevo León); a territory keeps the gazetteer's coordinates when they are in it (Aleppo).
      const known = model.actorIndex.get(name.toLowerCase())?.find((e) => e.kind === 'country' || e.kind === 'territory');
      if (known && !(known.kind === 'territory' && geo?.country === known.code)) {
        candidates.push({
          at: i,
          place: { name, country: known.code, lat: null, lon: null, text: name, charStart: t[i]!.start, charEnd: t[i + l - 1]!.end, reason: `"${name}" after "${t[i - 1]!.text}": the ${known.kind} ${known.code}` },
        });
        break;
      }
      if (!geo || geo.population < 1000) continue;
      candidates.push({
        at: i,
        place: { name, country: geo.country, lat: geo.lat, lon: geo.lon, text: name, charStart: t[i]!.start, charEnd: t[i + l - 1]!.end, reason: `"${name}" after "${t[i - 1]!.text}": ${geo.name} (${geo.country}) in the gazetteer` },
      });
      break;
    }
  }
  if (candidates.length === 0) return null;
  const after = candidates.filter((c) => c.at >= trigger).sort((a, b) => a.at - b.at);
  return (after[0] ?? candidates.sort((a, b) => b.at - a.at)[0]!).place;
}
