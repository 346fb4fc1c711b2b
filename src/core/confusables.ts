// Look-alike unit names (Unicode TR39): a name that mixes Latin letters with
// Cyrillic or Greek ones ("Phòng Tư phаp" with a Cyrillic а), a name holding
// characters that show as nothing, and two names that read the same once
// every confusable character is folded to its prototype (the skeleton). The
// confusables table is Unicode's confusables.txt as the unhomoglyph package
// ships it. Vietnamese letters (ă â ê ô ơ ư đ and the tones) are Latin and
// never make a name suspicious on their own.
import { confusablePrototypes } from '../vendor/libraries.js';
import { codePointLabel, visible } from './text.js';

const LATIN = /\p{Script=Latin}/u;
const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const FOREIGN_GLOBAL = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const IGNORABLE_GLOBAL = /\p{Default_Ignorable_Code_Point}/gu;

export type NameProblem = 'mixed-script' | 'invisible';

/** What makes a name unsafe to tell apart from another, if anything. */
export function nameProblem(name: string): NameProblem | undefined {
  if (IGNORABLE.test(name)) return 'invisible';
  if (FOREIGN.test(name) && LATIN.test(name)) return 'mixed-script';
  return undefined;
}

/** The TR39 skeleton: NFD, characters that show as nothing dropped, each character mapped to its prototype, NFD again. */
export function skeleton(name: string): string {
  const prototype = confusablePrototypes();
  let out = '';
  for (const ch of name.normalize('NFD').replace(IGNORABLE_GLOBAL, '')) out += prototype[ch] ?? ch;
  return out.normalize('NFD');
}

/** A name as messages show it: invisible and foreign look-alike characters as <U+…>. */
export function revealName(name: string): string {
  return visible(name).replace(IGNORABLE_GLOBAL, codePointLabel).replace(FOREIGN_GLOBAL, codePointLabel);
}
