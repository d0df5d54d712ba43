import { openPollViaApi } from "../e2e/support/api";
import { AppServer } from "../e2e/support/appServer";
const server = await AppServer.start();
const { owner, poll } = await openPollViaApi(server.url, { question: "Tonight's special?", labels: ["Bibimbap", "Kimchi jjigae", "Bulgogi", "Japchae"] });
for (let i = 0; i < 12; i++) {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/p/${poll.slug}`);
  const t1 = performance.now();
  await res.text();
  console.log(`headers ${(t1 - t0).toFixed(0)} ms, body ${(performance.now() - t0).toFixed(0)} ms`);
}
const t0 = performance.now();
await fetch(`${server.url}/api/health`).then((r) => r.text());
console.log("health", (performance.now() - t0).toFixed(0));
await owner.dispose(); await server.dispose(); process.exit(0);
