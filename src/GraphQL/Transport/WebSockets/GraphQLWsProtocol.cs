namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>Names and close codes of the <c>graphql-transport-ws</c> protocol (PROTOCOL.md of the npm package graphql-ws).</summary>
public static class GraphQLWsProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public static class MessageTypes
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }

    public static class CloseCodes
    {
        public const int Normal = 1000;
        public const int GoingAway = 1001;
        /// <summary>Policy violation: used when a client reads too slowly and its send queue overflows.</summary>
        public const int PolicyViolation = 1008;
        public const int MessageTooBig = 1009;
        public const int InternalServerError = 4500;
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;
    }
}
