import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type CostLine = { name: string; ms: number; percent: number };
export type ProfileSummary = {
  totalMs: number;
  /** Self time per function (name and file:line), largest first. */
  topFunctions: CostLine[];
  /** Self time per package (node_modules/<pkg>), project folder or Node internals. */
  byArea: CostLine[];
  /** Total (self + callees) time of frames whose file matches each named area: where a request's time goes. */
  inclusive: CostLine[];
};

/** Where a frame's code lives: a package, a folder of this project, or Node itself. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const project = /\/(server|bench|lib)\/(.+?)\/?[^/]*$/.exec(url);
  if (project) return `${project[1]}/${project[2].split("/")[0]}`;
  return url.split("/").slice(-2).join("/");
}

/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and answers where the time went. "Inclusive" areas count each sample
 * once per area found on its stack, so nested frames of one area are not counted twice.
 */
export function summariseCpuProfile(file: string, inclusiveAreas: Record<string, RegExp> = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = new Set(["(idle)", "(program)", "(garbage collector)"]);

  const fnUs = new Map<string, number>();
  const areaUs = new Map<string, number>();
  const inclusiveUs = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const fileName = frame.url.replace(/^.*\/(node_modules\/|work\/main\/)?/, "");
    const key = `${frame.functionName || "(anonymous)"} ${fileName}:${frame.lineNumber + 1}`;
    fnUs.set(key, (fnUs.get(key) ?? 0) + us);
    const area = idle.has(frame.functionName) ? frame.functionName : areaOf(frame.url, frame.functionName);
    areaUs.set(area, (areaUs.get(area) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      for (const [name, pattern] of Object.entries(inclusiveAreas)) {
        if (!seen.has(name) && pattern.test(`${f.functionName} ${f.url}`)) seen.add(name);
      }
    }
    for (const name of seen) inclusiveUs.set(name, (inclusiveUs.get(name) ?? 0) + us);
  }
  const lines = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (us / totalUs) * 100 }));
  return { totalMs: totalUs / 1000, topFunctions: lines(fnUs, 25), byArea: lines(areaUs, 25), inclusive: lines(inclusiveUs, 50) };
}
