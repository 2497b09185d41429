using System.Runtime.CompilerServices;

// The retry classifier and failure wording are internal, yet worth testing against the exact exception shapes
// SocketsHttpHandler produces, some of which (a connect timeout) no loopback test can provoke reliably.
[assembly: InternalsVisibleTo("Cockpit.AgentBridge.Tests")]
