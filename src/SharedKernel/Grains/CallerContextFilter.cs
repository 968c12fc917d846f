using System.Globalization;
using TravelPermits.SharedKernel.Audit;

namespace TravelPermits.SharedKernel.Grains;

/// <summary>
/// What a grain call carries of its caller, as an HTTP request carries it to an endpoint: the
/// language to word refusals in, and the actor whose name goes in the audit trail. Outgoing, it
/// puts both in Orleans' request context; incoming, it makes them current for the call. Only the
/// platform's own grains (namespace <c>TravelPermits</c>) are concerned, not Orleans' system targets.
/// </summary>
public sealed class CallerContextFilter(ActorAccessor actors) : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
{
    private const string CultureKey = "permits.culture";
    private const string ActorKey = "permits.actor";
    private const string ActorIdKey = "permits.actor-id";

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (Ours(context.InterfaceMethod?.DeclaringType))
        {
            RequestContext.Set(CultureKey, CultureInfo.CurrentUICulture.Name);
            var actor = actors.Current;
            RequestContext.Set(ActorKey, actor.Name);
            if (actor.UserId is { } id)
            {
                RequestContext.Set(ActorIdKey, id);
            }
            else
            {
                RequestContext.Remove(ActorIdKey);
            }
        }
        return context.Invoke();
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!Ours(context.InterfaceMethod?.DeclaringType) || RequestContext.Get(ActorKey) is not string name)
        {
            await context.Invoke();
            return;
        }
        if (RequestContext.Get(CultureKey) is string culture)
        {
            var language = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentCulture = language;
            CultureInfo.CurrentUICulture = language;
        }
        using (ActorAccessor.Use(new Actor(name, RequestContext.Get(ActorIdKey) as Guid?)))
        {
            await context.Invoke();
        }
    }

    private static bool Ours(Type? type) => type?.Namespace?.StartsWith("TravelPermits.", StringComparison.Ordinal) == true;
}
