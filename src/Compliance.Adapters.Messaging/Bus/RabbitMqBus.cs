using System.Security.Authentication;
using MassTransit;

namespace Compliance.Adapters.Messaging.Bus;

internal static class RabbitMqBus
{
    public static void Configure(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg, BusOptions options)
    {
        var rabbit = options.RabbitMq;
        cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
        {
            h.Username(rabbit.Username);
            h.Password(rabbit.Password);
            h.PublisherConfirmation = true;
            if (rabbit.UseTls) h.UseSsl(s => s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13);
        });
        cfg.ReceiveEndpoint(options.ObservationQueue, e => ObservationEndpoint.Configure(context, e, options));
    }
}
