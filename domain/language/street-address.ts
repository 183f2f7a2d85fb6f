/**
 * Street addresses as an adviser says them: a house number and one to three words ending
 * in a street word ("12 Headingley Lane", "3 Tariff Street", "22 Greville Road"). Cheap
 * pattern, used to tell an address read out for the caller to confirm.
 */

const STREET_WORDS = 'road|rd|street|st|lane|ln|avenue|ave|close|drive|way|place|crescent|grove|terrace|gardens|court|square|hill|row|walk|park|parade|mews|view|rise|green';
const STREET = new RegExp(String.raw`\b(\d{1,4}[a-z]?),? ((?:[a-z']+ ){1,3})(${STREET_WORDS})\b`, 'gi');

/** One street address said: its house number and its street name words (lower case, street word apart). */
export interface StreetAddress {
  text: string;
  number: string;
  /** the name words before the street word ("headingley") */
  name: string[];
  /** the street word as said ("lane") */
  street: string;
}

/** Street addresses said in `text` (any case). */
export function findStreetAddresses(text: string): StreetAddress[] {
  const out: StreetAddress[] = [];
  STREET.lastIndex = 0;
  for (let m = STREET.exec(text); m; m = STREET.exec(text)) {
    out.push({ text: m[0], number: m[1].toLowerCase(), name: m[2].trim().toLowerCase().split(/\s+/), street: m[3].toLowerCase() });
  }
  return out;
}

/** True when `text` says a street address. */
export function saysStreetAddress(text: string): boolean {
  return findStreetAddresses(text).length > 0;
}

/**
 * True when the street address said is part of `known` (a full address, any case): the same
 * house number and the same last name word ("12 Headingley Lane" in "12 Headingley Lane, Leeds LS6 2QT").
 */
export function sameStreet(said: StreetAddress, known: string): boolean {
  const words = known.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
  const nameWord = said.name[said.name.length - 1];
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== said.number) continue;
    if (words.slice(i + 1, i + 5).includes(nameWord)) return true;
  }
  return false;
}
