import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take half a minute or more, longest first (a run of 06cb1b9 on a quiet machine, seconds per file):
 * the 10,000-voter contract suites of both engines and of open answers (50–85 s; their test files are three lines
 * long) and the close race (77 s), the other durability scenarios (20–65 s), the fuzzing (40 s), the coupon
 * contracts (30–40 s).
 */
const LONG_TIERS = [
  /\/server\/(engine\/\w+\/\w+Engine\.(contract|kinds)|domain\/answers\/openAnswers\.\w+)\.test\.ts$|\/test\/durability\/closeRace\.test\.ts$/,
  /\/test\/durability\/[^/]+\.test\.ts$/,
  /\/server\/routers\/fuzz\.\w+\.test\.ts$/,
  /\/server\/engine\/\w+\/\w+Engine\.promotion\.test\.ts$/,
];

/**
 * With two workers, a long file that starts last runs alone at the end. Vitest orders by the durations of the last
 * run, but a clean clone (CI) has none and it then starts the largest files first, which puts the three-line
 * contract files last. So the long files start first, longest tier first (as a longest-job-first schedule would),
 * then the rest; vitest's order holds within each part.
 */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const tierOf = (file: TestSpecification) => {
      const tier = LONG_TIERS.findIndex((pattern) => pattern.test(file.moduleId));
      return tier === -1 ? LONG_TIERS.length : tier;
    };
    return [...sorted].sort((a, b) => tierOf(a) - tierOf(b)); // a stable sort: vitest's order holds within a tier
  }
}
