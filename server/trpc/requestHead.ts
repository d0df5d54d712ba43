import type { IncomingMessage } from "node:http";

/**
 * What the context reads of a request: its URL, headers and peer. A WebSocket connection keeps only this of its
 * upgrade request for as long as it lives, not the IncomingMessage with its stream state and raw headers
 * (http/liveSocket.ts, docs/adr/0031).
 */
export type RequestHead = Pick<IncomingMessage, "url" | "headers"> & { socket: { remoteAddress?: string; encrypted?: boolean } };

export function requestHead(req: IncomingMessage): RequestHead {
  return {
    url: req.url,
    headers: req.headers,
    socket: { remoteAddress: req.socket.remoteAddress, encrypted: (req.socket as { encrypted?: boolean }).encrypted },
  };
}
