import { type APIRequestContext, request } from "@playwright/test";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/appRouter";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/**
 * A browser-less client of the tRPC HTTP API with its own cookie jar: quick set-up for journeys whose subject is
 * elsewhere (the screen's recovery, say), and extra voters. Plain JSON, no batching: what tRPC answers to anyone.
 */
export class ApiClient {
  private constructor(private readonly http: APIRequestContext) {}

  static async create(baseURL: string): Promise<ApiClient> {
    return new ApiClient(await request.newContext({ baseURL }));
  }

  private async call<T>(method: "GET" | "POST", path: string, input?: unknown): Promise<T> {
    const response =
      method === "GET"
        ? await this.http.get(`/api/trpc/${path}`, { params: input === undefined ? {} : { input: JSON.stringify(input) } })
        : await this.http.post(`/api/trpc/${path}`, { data: input ?? {} });
    const body = await response.json();
    if (!response.ok()) throw new Error(`${path} failed: ${response.status()} ${JSON.stringify(body)}`);
    return body.result.data as T;
  }

  signUp(input: Inputs["auth"]["signUp"]) {
    return this.call<Outputs["auth"]["signUp"]>("POST", "auth.signUp", input);
  }
  createPoll(input: Inputs["poll"]["create"]) {
    return this.call<Outputs["poll"]["create"]>("POST", "poll.create", input);
  }
  openPoll(pollId: string) {
    return this.call<Outputs["poll"]["open"]>("POST", "poll.open", { pollId });
  }
  closePoll(pollId: string) {
    return this.call<Outputs["poll"]["close"]>("POST", "poll.close", { pollId });
  }
  results(pollId: string) {
    return this.call<Outputs["poll"]["results"]>("GET", "poll.results", { pollId });
  }
  /** The screen's own link (it carries the key that shows the room code), for the poll's owner. */
  screenPath(pollId: string) {
    return this.call<Outputs["presence"]["screenPath"]>("GET", "presence.screenPath", { pollId });
  }
  submitAnswer(pollId: string, text: string) {
    return this.call<Outputs["answer"]["submit"]>("POST", "answer.submit", { pollId, text });
  }
  /** The restaurant TV's link (it carries the key that shows room codes), for the signed-in owner. */
  restaurantScreenPath() {
    return this.call<Outputs["screen"]["restaurantPath"]>("GET", "screen.restaurantPath");
  }
  addMenuItem(input: Inputs["menu"]["add"]) {
    return this.call<Outputs["menu"]["add"]>("POST", "menu.add", input);
  }
  makeWinnerSpecial(input: Inputs["specials"]["fromWinner"]) {
    return this.call<Outputs["specials"]["fromWinner"]>("POST", "specials.fromWinner", input);
  }
  archivePoll(pollId: string) {
    return this.call<Outputs["poll"]["archive"]>("POST", "poll.archive", { pollId, archived: true });
  }
  castVote(pollId: string, optionIds: string[]) {
    return this.call<Outputs["vote"]["cast"]>("POST", "vote.cast", { pollId, optionIds });
  }
  dispose() {
    return this.http.dispose();
  }
}

let owners = 0;
/** A new owner with an open poll, made through the API. */
export async function openPollViaApi(baseURL: string, poll: Partial<Inputs["poll"]["create"]> & { labels: string[] }) {
  const owner = await ApiClient.create(baseURL);
  await owner.signUp({
    email: `owner-${Date.now()}-${++owners}@example.com`,
    password: "a long enough password",
    name: "Mina",
    restaurantName: "Hanok Table",
  });
  const { labels, ...rest } = poll;
  const created = await owner.createPoll({ question: "Tonight's special?", ...rest, options: labels.map((label) => ({ label })) });
  await owner.openPoll(created.id);
  return { owner, poll: created };
}
