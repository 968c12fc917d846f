namespace TravelPermits.Enterprises.Policies;

/// <summary>The approval chain a ward has chosen: whether the police verify, and stamp, before the approver decides.</summary>
internal sealed record ChainSettings(bool PoliceVerify, bool PoliceStamp);

/// <summary>A ward's own default ratio (null: it follows the city's), the ratio in force, and its approval chain.</summary>
internal sealed record WardPolicyResponse(string WardCode, string CityCode, int? DefaultRatioPercent, int EffectiveRatioPercent, ChainSettings Chain);

/// <summary>A city's default ratio (its own, else the installation's) and its ratios per epidemic level ("1" to "4"), if it set them.</summary>
internal sealed record CityPolicyResponse(string CityCode, int DefaultRatioPercent, IReadOnlyDictionary<string, int>? RatioByLevel);
