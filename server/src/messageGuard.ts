/**
 * A look at every request before vscode-languageserver dispatches it. The library reads a request's
 * params before our handlers do (`params.workDoneToken` for hover, completion and most others;
 * `params.processId` and `params.capabilities` in its own `initialize` handler), so `"params": null`
 * would be answered with InternalError (-32603), and a second `initialize` would re-initialize its
 * parts (trace, progress, the workspace folder events) before our handler could refuse it. The
 * server (`startServer`) says which requests it refuses; a refused request reaches the connection
 * as a request for `REFUSED_METHOD` with the same id, whose handler answers with the error.
 *
 * Both entry points pass it to `createConnection` as the `messageStrategy`.
 */
import { type Message, type MessageStrategy, type RequestMessage, Message as Messages } from 'vscode-languageserver';

/** The method a refused request is handed on as (`$/`: private to this implementation). */
export const REFUSED_METHOD = '$/fintechGlossary/refused';

export interface Refusal {
  code: number;
  message: string;
}

export class MessageGuard implements MessageStrategy {
  /** The refusal for a request, or undefined to let it through; the server sets it. */
  refuse: (method: string, params: unknown) => Refusal | undefined = () => undefined;

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Messages.isRequest(message)) {
      const request = message as RequestMessage;
      const refusal = this.refuse(request.method, request.params);
      if (refusal) {
        next({ jsonrpc: request.jsonrpc, id: request.id, method: REFUSED_METHOD, params: refusal } as RequestMessage);
        return;
      }
    }
    next(message);
  }
}
