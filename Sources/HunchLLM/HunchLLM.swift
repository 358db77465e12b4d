/// An OpenAI-compatible chat client and the plumbing of the LLM prior; no problem knowledge.
public enum HunchLLM {}
