/// An OpenAI-compatible chat client and the plumbing of the LLM prior; no problem knowledge.
///
/// - `LLMConfiguration`: URL, model, key (never printed), timeouts, retries; from flags and
///   `HUNCH_LLM_*` environment variables.
/// - `ChatClient`: synchronous, thread-safe `POST <base>/chat/completions` with bounded retries
///   and structured output (`response_format`) where the server takes it. Whatever the server
///   does, a reply is capped (`maxReplyBytes`), an attempt ends at its deadline, redirects stay
///   within the origin (`RedirectPolicy`) and the key is redacted (`SecretRedaction`);
///   `PlainHTTPClient` carries `http://`, URLSession the rest.
/// - `ReplyCache`: replies on disk by SHA-256 of (model, request), written atomically.
/// - `IntegerListExtractor`, `PermutationRepair`: what the model meant, and what is usable.
/// - `LLMPrior`: ask → extract → repair → the family completes and validates → or fall back,
///   with an `LLMPriorReport` for the result's `details.llm`. `LLMChoice`: pick a named option.
public enum HunchLLM {}
