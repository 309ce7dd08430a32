// The LSP request that carries debug commands from the server to a client (no editor types here:
// the VS Code client imports it too).

/** Params `{ textDocument: { uri }, position }`; result a DebugCommandList or null. */
export const DEBUG_COMMANDS_REQUEST = 'k8sWorkloads/debugCommands';
