using System.Reflection;
using Compliance.Adapters.Messaging.Bus;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>
/// The publisher against a bus whose first publish never answers, as RabbitMQ.Client 7.2 can leave a publish that was in
/// flight when the broker went away (rabbitmq-dotnet-client issues 1928, 1930): a hang the real broker shows only
/// sometimes, so a bus that hangs on purpose stands in for it.
/// </summary>
public sealed class BusPublisherTests
{
    [Fact]
    public async Task a_publish_that_never_gets_its_confirm_is_given_up_and_tried_again_with_the_same_message()
    {
        var bus = HangingBus.Create(hangs: 1);
        var publisher = new BusPublisher(bus, TimeProvider.System, NullLogger<BusPublisher>.Instance) { AttemptTimeout = TimeSpan.FromMilliseconds(200) };
        var message = Observations.ControlPlane("hang", "v1.33.2", DateTimeOffset.UnixEpoch);

        await publisher.PublishAsync(message, Guid.NewGuid(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        HangingBus.Of(bus).Published.Count.ShouldBe(2);
        HangingBus.Of(bus).Published.ShouldAllBe(m => ReferenceEquals(m, message));
    }

    /// <summary>An <see cref="IBus"/> whose first <c>hangs</c> publishes never complete and later ones succeed; anything else is unsupported.</summary>
    public class HangingBus : DispatchProxy
    {
        private int hangs;

        public List<object> Published { get; } = [];

        public static IBus Create(int hangs)
        {
            var bus = Create<IBus, HangingBus>();
            ((HangingBus)(object)bus).hangs = hangs;
            return bus;
        }

        public static HangingBus Of(IBus bus) => (HangingBus)(object)bus;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IPublishEndpoint.Publish) || targetMethod.ReturnType != typeof(Task))
                throw new NotSupportedException(targetMethod?.Name);
            lock (Published)
            {
                Published.Add(args![0]!);
                return Published.Count <= hangs ? new TaskCompletionSource().Task : Task.CompletedTask;
            }
        }
    }
}
