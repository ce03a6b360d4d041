/**
 * Given-name variants: each group holds the formal spellings of one given name and the short
 * forms people go by (Benjamin, Ben, Benji). Two given names are variants of each other when
 * they share a group. A short form may sit in several groups (Al: Alan, Albert, Alexander...);
 * a name that matches two people that way is reported as ambiguous, never guessed.
 * Generic English given names only: knowledge about one person belongs in the registry.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['abraham', 'abe', 'abram'],
  ['alan', 'allan', 'allen', 'al'],
  ['albert', 'al', 'bert'],
  ['alexander', 'alex', 'alec', 'alexandre', 'xander', 'sandy', 'al'],
  ['alexandra', 'alex', 'lexi', 'sandra', 'sandy'],
  ['alfred', 'al', 'alf', 'fred'],
  ['andrew', 'andy', 'drew'],
  ['anthony', 'antony', 'tony'],
  ['antonio', 'tony', 'toni'],
  ['antonia', 'toni'],
  ['arthur', 'art'],
  ['barbara', 'barb', 'barbie'],
  ['benjamin', 'ben', 'benji', 'benny'],
  ['bernard', 'bernie'],
  ['bradley', 'brad'],
  ['bradford', 'brad'],
  ['catherine', 'katherine', 'kathryn', 'katharine', 'cathy', 'kathy', 'kate', 'katie', 'kat'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['christopher', 'chris', 'kit'],
  ['christina', 'christine', 'kristina', 'kristine', 'chris', 'tina'],
  ['cynthia', 'cindy'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['deborah', 'debra', 'debbie', 'deb'],
  ['dominic', 'dominick', 'dom'],
  ['donald', 'don', 'donny'],
  ['douglas', 'doug'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['edwin', 'ed'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza', 'lizzie', 'libby'],
  ['eugene', 'gene'],
  ['frances', 'fran', 'frankie'],
  ['francis', 'frank', 'fran'],
  ['franklin', 'frank'],
  ['frederick', 'frederic', 'fred', 'freddie'],
  ['gabriel', 'gabe'],
  ['gerald', 'gerry', 'jerry'],
  ['gregory', 'greg'],
  ['harold', 'hal', 'harry'],
  ['henry', 'hank', 'harry'],
  ['jacob', 'jake'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['jeffrey', 'jeffery', 'geoffrey', 'jeff', 'geoff'],
  ['jennifer', 'jen', 'jenny'],
  ['jessica', 'jess', 'jessie'],
  ['john', 'jack', 'johnny'],
  ['jonathan', 'jon', 'jonny'],
  ['joseph', 'joe', 'joey'],
  ['joshua', 'josh'],
  ['kenneth', 'ken', 'kenny'],
  ['kimberly', 'kim'],
  ['lawrence', 'laurence', 'larry'],
  ['leonard', 'len', 'lenny', 'leo'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['matthew', 'matt'],
  ['michael', 'mike', 'mick', 'mikey'],
  ['nathan', 'nathaniel', 'nate', 'nat'],
  ['nicholas', 'nicolas', 'nick', 'nicky'],
  ['nicole', 'nikki'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete'],
  ['philip', 'phillip', 'phil'],
  ['raymond', 'ray'],
  ['rebecca', 'becky', 'becca'],
  ['richard', 'rich', 'rick', 'ricky', 'dick'],
  ['robert', 'rob', 'robbie', 'bob', 'bobby', 'bert'],
  ['roderick', 'rod'],
  ['rodney', 'rod'],
  ['ronald', 'ron', 'ronnie'],
  ['samantha', 'sam'],
  ['samuel', 'sam', 'sammy'],
  ['stephen', 'steven', 'steve'],
  ['stuart', 'stewart', 'stu'],
  ['susan', 'sue', 'susie', 'suzanne'],
  ['terence', 'terrence', 'terry'],
  ['theodore', 'ted', 'theo'],
  ['thomas', 'tom', 'tommy'],
  ['timothy', 'tim', 'timmy'],
  ['victoria', 'vicky', 'tori'],
  ['vincent', 'vince', 'vinny'],
  ['walter', 'walt'],
  ['william', 'will', 'bill', 'billy', 'willie', 'liam'],
  ['zachary', 'zach', 'zack'],
];

const groupsByName = new Map<string, number[]>();
for (const [index, group] of GROUPS.entries()) {
  for (const name of group) groupsByName.set(name, [...(groupsByName.get(name) ?? []), index]);
}

/** The formal name of the group two given names (keys: lower case, ascii) share, or null when they share none. */
export function sharedGivenNameGroup(a: string, b: string): string | null {
  const groupsOfB = groupsByName.get(b) ?? [];
  const shared = (groupsByName.get(a) ?? []).find((group) => groupsOfB.includes(group));
  return shared === undefined ? null : (GROUPS[shared]?.[0] ?? null);
}

const formal = new Set(GROUPS.map(([first]) => first));

/** The formal name of a group (Benjamin, not Ben): the spelling a canonical name prefers. */
export function isFormalGivenName(key: string): boolean {
  return formal.has(key);
}
