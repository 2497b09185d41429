using Cockpit.Grains.Usage;

namespace Cockpit.Storage.Usage;

/// <summary>The LLM prices in force now (the Silo keeps them from config/prices.yaml); ingestion prices each call with them.</summary>
public interface IPriceBook
{
    PriceTable Current { get; }
}
