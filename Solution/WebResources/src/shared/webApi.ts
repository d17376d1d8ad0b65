/*
 * The few Dataverse Web API v9.2 calls the configuration page makes. An HTML web resource outside a form has no Xrm
 * object (GetGlobalContext gives the context only), so it calls the Web API with fetch on its own origin, signed in
 * by the session as every web resource is.
 */
namespace LeadQualifyExtensions.WebApi {
    /** A Web API error: the HTTP status and the platform's message. */
    export class WebApiError extends Error {
        constructor(readonly status: number, message: string) {
            super(message);
        }
    }

    /** Sends one request to {clientUrl}/api/data/v9.2/{path}; the parsed JSON body, or null for 204. */
    export async function send<T>(clientUrl: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T | null> {
        const response = await fetch(clientUrl.replace(/\/$/, "") + "/api/data/v9.2/" + path, {
            method,
            credentials: "same-origin",
            headers: {
                Accept: "application/json",
                "OData-MaxVersion": "4.0",
                "OData-Version": "4.0",
                ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }),
                ...headers,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        const json = text.length > 0 ? JSON.parse(text) : null;
        if (!response.ok) {
            throw new WebApiError(response.status, json?.error?.message ?? response.statusText);
        }

        return json as T | null;
    }

    /** The rows of a collection query (one page: the page asks for few rows). */
    export async function rows<T>(clientUrl: string, path: string): Promise<T[]> {
        const result = await send<{ value: T[] }>(clientUrl, "GET", path);
        return result?.value ?? [];
    }
}
