namespace Cockpit.Silo.Jobs;

public sealed record JobListResponse(JobResponse[] Jobs, long Total, int Limit, int Offset);
