import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take a minute or more: the engines' 10,000-voter contract suites (their test files are three lines
 * long), the fuzzing and the durability scenarios.
 */
const LONG = [/\/server\/engine\/\w+\/\w+Engine\.(contract|kinds|promotion)\.test\.ts$/, /\/server\/routers\/fuzz\.\w+\.test\.ts$/, /\/test\/durability\/[^/]+\.test\.ts$/];

/**
 * With two workers, a long file that starts last runs alone at the end. Vitest orders by the durations of the last
 * run, but a clean clone (CI) has none and it then starts the largest files first, which puts the three-line
 * contract files last. Long files start first either way; vitest's order holds within each part.
 */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => LONG.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}
