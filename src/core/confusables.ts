// Look-alike unit names (Unicode TR39): a name that mixes Latin letters with
// Cyrillic or Greek ones ("Phòng Tư phаp" with a Cyrillic а), a name holding
// characters that show as nothing, and two names that read the same once
// every confusable character is folded to its prototype (the skeleton). The
// confusables table is Unicode's confusables.txt as the unhomoglyph package
// ships it. Vietnamese letters (ă â ê ô ơ ư đ and the tones) are Latin and
// never make a name suspicious on their own.
import { confusablePrototypes } from '../vendor/libraries.js';
import { codePointLabel, visible } from './text.js';

// Made on first use: V8 builds a property class's ranges when the pattern is created, and a warm
// check (every result kept) reads no unit name.
let patterns: { latin: RegExp; foreign: RegExp; foreignGlobal: RegExp; ignorable: RegExp; ignorableGlobal: RegExp } | undefined;
const scripts = () =>
  (patterns ??= {
    latin: /\p{Script=Latin}/u,
    foreign: /[\p{Script=Cyrillic}\p{Script=Greek}]/u,
    foreignGlobal: /[\p{Script=Cyrillic}\p{Script=Greek}]/gu,
    ignorable: /\p{Default_Ignorable_Code_Point}/u,
    ignorableGlobal: /\p{Default_Ignorable_Code_Point}/gu,
  });

export type NameProblem = 'mixed-script' | 'invisible';

/** What makes a name unsafe to tell apart from another, if anything. */
export function nameProblem(name: string): NameProblem | undefined {
  const { ignorable, foreign, latin } = scripts();
  if (ignorable.test(name)) return 'invisible';
  if (foreign.test(name) && latin.test(name)) return 'mixed-script';
  return undefined;
}

/** The TR39 skeleton: NFD, characters that show as nothing dropped, each character mapped to its prototype, NFD again. */
export function skeleton(name: string): string {
  const prototype = confusablePrototypes();
  let out = '';
  for (const ch of name.normalize('NFD').replace(scripts().ignorableGlobal, '')) out += prototype[ch] ?? ch;
  return out.normalize('NFD');
}

/** A name as messages show it: invisible and foreign look-alike characters as <U+…>. */
export function revealName(name: string): string {
  const { ignorableGlobal, foreignGlobal } = scripts();
  return visible(name).replace(ignorableGlobal, codePointLabel).replace(foreignGlobal, codePointLabel);
}
